import type { CategoryInput, CollectionInput, ProductInput } from '../modules/catalog/shapes.ts';
import { slugify } from '../modules/catalog/product-validation.ts';

/**
 * A deterministic, realistic catalog: product i is always the same product, so the demo shop, the
 * benchmarks and anyone's bug report all see the same data. Prices are in USD and EUR minor units.
 */

export const demoCollections: (CollectionInput & { handle: string })[] = [
  { title: 'Everyday Essentials', handle: 'everyday-essentials', description: 'The things you reach for every day.' },
  { title: 'Outdoor Adventure', handle: 'outdoor-adventure', description: 'Gear for trails, rain and long weekends.' },
  { title: 'Work From Home', handle: 'work-from-home', description: 'A desk, a mug and something comfortable.' },
  { title: 'Gift Ideas', handle: 'gift-ideas', description: 'Presents that get used.' },
  { title: 'Summer Edit', handle: 'summer-edit', description: 'Light, bright and made for the sun.' },
];

/** Parents before children; `parent` names a handle earlier in the list. */
export const demoCategories: (Omit<CategoryInput, 'parent_id'> & { handle: string; parent?: string })[] = [
  { name: 'Apparel', handle: 'apparel', position: 0 },
  { name: 'Tops', handle: 'tops', parent: 'apparel', position: 0 },
  { name: 'T-Shirts', handle: 't-shirts', parent: 'tops', position: 0 },
  { name: 'Hoodies & Sweatshirts', handle: 'hoodies-sweatshirts', parent: 'tops', position: 1 },
  { name: 'Jackets', handle: 'jackets', parent: 'tops', position: 2 },
  { name: 'Bottoms', handle: 'bottoms', parent: 'apparel', position: 1 },
  { name: 'Footwear', handle: 'footwear', position: 1 },
  { name: 'Accessories', handle: 'accessories', position: 2 },
  { name: 'Bags', handle: 'bags', parent: 'accessories', position: 0 },
  { name: 'Hats', handle: 'hats', parent: 'accessories', position: 1 },
  { name: 'Socks', handle: 'socks', parent: 'accessories', position: 2 },
  { name: 'Home & Living', handle: 'home-living', position: 3 },
  { name: 'Kitchen', handle: 'kitchen', parent: 'home-living', position: 0 },
  { name: 'Desk', handle: 'desk', parent: 'home-living', position: 1 },
];

interface Kind {
  noun: string;
  code: string;
  category: string;
  sizes?: string[];
  colors: string[];
  usd: number;
  grams: number;
  tags: string[];
  blurb: string;
}

const kinds: Kind[] = [
  { noun: 'T-Shirt', code: 'TEE', category: 't-shirts', sizes: ['S', 'M', 'L', 'XL'], colors: ['White', 'Black', 'Navy', 'Sage'], usd: 2400, grams: 180, tags: ['cotton', 'basics'], blurb: 'A soft, breathable tee cut for everyday wear.' },
  { noun: 'Hoodie', code: 'HOOD', category: 'hoodies-sweatshirts', sizes: ['S', 'M', 'L', 'XL'], colors: ['Grey', 'Black', 'Forest'], usd: 5900, grams: 620, tags: ['fleece', 'warm'], blurb: 'A brushed-fleece hoodie with a lined hood and deep pockets.' },
  { noun: 'Sweatshirt', code: 'SWT', category: 'hoodies-sweatshirts', sizes: ['S', 'M', 'L', 'XL'], colors: ['Oatmeal', 'Navy'], usd: 4900, grams: 540, tags: ['fleece', 'basics'], blurb: 'A crew-neck sweatshirt in heavyweight loopback cotton.' },
  { noun: 'Rain Jacket', code: 'RJKT', category: 'jackets', sizes: ['S', 'M', 'L', 'XL'], colors: ['Yellow', 'Olive', 'Black'], usd: 12900, grams: 450, tags: ['waterproof', 'outdoor'], blurb: 'A packable waterproof shell with taped seams.' },
  { noun: 'Chinos', code: 'CHN', category: 'bottoms', sizes: ['30', '32', '34', '36'], colors: ['Khaki', 'Navy'], usd: 6900, grams: 480, tags: ['cotton', 'workwear'], blurb: 'Slim chinos with a little stretch.' },
  { noun: 'Joggers', code: 'JOG', category: 'bottoms', sizes: ['S', 'M', 'L', 'XL'], colors: ['Grey', 'Black'], usd: 4400, grams: 420, tags: ['fleece', 'lounge'], blurb: 'Tapered joggers for the sofa and the school run.' },
  { noun: 'Sneakers', code: 'SNK', category: 'footwear', sizes: ['40', '41', '42', '43', '44'], colors: ['White', 'Black'], usd: 8900, grams: 900, tags: ['leather', 'shoes'], blurb: 'Low-top sneakers on a cushioned rubber sole.' },
  { noun: 'Trail Runners', code: 'TRN', category: 'footwear', sizes: ['40', '41', '42', '43', '44'], colors: ['Slate', 'Orange'], usd: 11900, grams: 760, tags: ['running', 'outdoor', 'shoes'], blurb: 'Grippy, light trail shoes with a rock plate.' },
  { noun: 'Backpack', code: 'BPK', category: 'bags', colors: ['Black', 'Olive', 'Sand'], usd: 7900, grams: 850, tags: ['travel', 'outdoor'], blurb: 'A 22-litre pack with a padded laptop sleeve.' },
  { noun: 'Tote Bag', code: 'TOTE', category: 'bags', colors: ['Natural', 'Black'], usd: 1900, grams: 200, tags: ['canvas', 'gift'], blurb: 'A sturdy canvas tote with an inside pocket.' },
  { noun: 'Cap', code: 'CAP', category: 'hats', colors: ['Navy', 'Stone', 'Black'], usd: 2200, grams: 90, tags: ['summer'], blurb: 'A six-panel cap with an adjustable strap.' },
  { noun: 'Beanie', code: 'BEAN', category: 'hats', colors: ['Charcoal', 'Rust', 'Cream'], usd: 2400, grams: 80, tags: ['wool', 'warm', 'gift'], blurb: 'A ribbed beanie knitted from merino wool.' },
  { noun: 'Socks', code: 'SOCK', category: 'socks', sizes: ['S', 'M', 'L'], colors: ['Grey', 'Navy', 'Mustard'], usd: 1200, grams: 60, tags: ['wool', 'basics', 'gift'], blurb: 'Cushioned socks that keep their shape.' },
  { noun: 'Mug', code: 'MUG', category: 'kitchen', colors: ['White', 'Speckled', 'Blue'], usd: 1600, grams: 350, tags: ['ceramic', 'gift'], blurb: 'A stoneware mug that holds a proper 350 ml.' },
  { noun: 'Water Bottle', code: 'BTL', category: 'kitchen', colors: ['Steel', 'Green', 'Black'], usd: 2900, grams: 320, tags: ['insulated', 'outdoor'], blurb: 'Keeps drinks cold for 24 hours and hot for 12.' },
  { noun: 'Notebook', code: 'NOTE', category: 'desk', colors: ['Black', 'Red', 'Kraft'], usd: 1400, grams: 250, tags: ['paper', 'gift'], blurb: 'A lay-flat notebook with 192 dotted pages.' },
  { noun: 'Desk Lamp', code: 'LAMP', category: 'desk', colors: ['Black', 'White'], usd: 6400, grams: 1400, tags: ['lighting'], blurb: 'A dimmable LED lamp with a warm, even light.' },
];

const adjectives = ['Classic', 'Everyday', 'Alpine', 'Coastal', 'Urban', 'Heritage', 'Weekend', 'Summit', 'Studio', 'Harbor', 'Meadow', 'Nordic'];
const materials = ['Organic Cotton', 'Recycled', 'Merino', 'Canvas', 'Lightweight', 'Heavyweight', 'Waxed', 'Linen Blend', 'Technical', 'Vintage Wash'];

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same catalog everywhere. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const combinations = kinds.length * adjectives.length * materials.length;

/** EUR list price from USD: ~0.92×, ending in 9 like the USD price. */
function eur(usd: number): number {
  return Math.max(99, Math.round((usd * 0.92) / 100) * 100 - 1);
}

/** Product `index` of the generated catalog. Collection and category ids are looked up by handle. */
export function demoProduct(index: number, ids: { collections: Map<string, string>; categories: Map<string, string> }): ProductInput {
  const random = prng(index * 7919 + 17);
  const slot = (index * 7_919) % combinations; // a fixed walk through every combination before any repeats
  const kind = kinds[slot % kinds.length];
  const adjective = adjectives[Math.floor(slot / kinds.length) % adjectives.length];
  const material = materials[Math.floor(slot / (kinds.length * adjectives.length)) % materials.length];
  const edition = index >= combinations ? ` No. ${Math.floor(index / combinations) + 1}` : '';
  const title = `${adjective} ${material} ${kind.noun}${edition}`;
  const handle = slugify(title);
  const priceStep = Math.floor(random() * 5) * 500; // 0–20 USD above the kind's base
  const colors = kind.colors.filter((_, i) => i === 0 || random() < 0.7);
  const options = [
    ...(kind.sizes ? [{ title: 'Size', values: kind.sizes }] : []),
    { title: 'Color', values: colors },
  ];
  const variants = (kind.sizes ?? [null]).flatMap((size, sizeIndex) =>
    colors.map((color) => {
      const usd = kind.usd + priceStep + (size === 'XL' ? 200 : 0);
      return {
        sku: `${kind.code}-${String(index).padStart(5, '0')}-${size ? `${size}-` : ''}${color.slice(0, 3).toUpperCase()}`.replace(/\s+/g, ''),
        weight_grams: kind.grams + sizeIndex * 20,
        options: { ...(size ? { Size: size } : {}), Color: color },
        prices: [{ currency_code: 'USD', amount: usd }, { currency_code: 'EUR', amount: eur(usd) }],
      };
    }));
  const collection = demoCollections[(index + Math.floor(random() * 3)) % demoCollections.length].handle;
  return {
    title,
    handle,
    description: `${kind.blurb} ${adjective} styling in ${material.toLowerCase()}.`,
    status: index % 20 === 19 ? 'draft' : 'published',
    tags: [...kind.tags, adjective.toLowerCase()],
    images: [`https://picsum.photos/seed/${handle}/800/800`],
    collection_id: ids.collections.get(collection) ?? null,
    category_ids: [ids.categories.get(kind.category)].filter((id): id is string => Boolean(id)),
    options,
    variants,
  };
}
