import { minorUnitDigits } from '../../money/currency.ts';
import type { PolicyTopic } from './schema.ts';

/**
 * The assistant without a model: what a shopper's message asks (its intent) and the details it gives
 * (slots: search words, a price range and its currency, option values, an order number, a policy
 * topic). Pure functions of the text and the catalog's option values, so the evaluation can list
 * exactly what each message should become.
 */
export type Intent = 'order_status' | 'policy' | 'add_to_cart' | 'product_search' | 'greeting' | 'unknown';

export interface ParsedMessage {
  intent: Intent;
  /** The words to search the catalog for (filler, prices and option values taken out). */
  words: string[];
  currency_code?: string;
  /** In the currency's minor units, as the message gave them (major units × 10^digits). */
  price_min?: number;
  price_max?: number;
  /** Whole amounts as typed, for when the currency is known only later (the cart's). */
  amounts?: { min?: number; max?: number };
  options: Record<string, string>;
  /** "cheaper", "less expensive": below what was shown. */
  cheaper: boolean;
  order_number?: string;
  policy?: PolicyTopic;
  quantity: number;
  /** "the second one": which of the products shown (0-based). */
  ordinal?: number;
}

/** The option values the catalog uses, lower case → [option title, value as written]. */
export type OptionVocabulary = Map<string, { option: string; value: string }>;

const FILLER = new Set(`a an the i im i'm i'll ill i'd take takes them they those me my we you your our us it its it's this that these those some any one ones
  want wants wanted need needs looking look find show search get got have has had give buy buying purchase like love would could can
  please pls thanks thank hi hello hey for to of with in on at by from and or but is are am be do does did there here what which
  something anything thing things item items product products stuff good nice new great best really very also just maybe
  under below less than over above more at least most max maximum min minimum around about between cheaper cheap cheapest
  expensive price priced cost costs costing budget up size sized colour color coloured colored euro euros eur dollar dollars usd
  pound pounds gbp bucks only in stock available please kind sort type pair pairs else other another
  add put cart basket bag please too`.split(/\s+/));

/** Words that do stay in a search although FILLER would drop them: "bag" is a product here. */
const KEEP = new Set(['bag', 'bags']);

const SIZE_WORDS: Record<string, string> = {
  small: 'S', medium: 'M', large: 'L', 'extra large': 'XL', 'x large': 'XL', xs: 'XS', s: 'S', m: 'M', l: 'L', xl: 'XL', xxl: 'XXL',
};

const CURRENCY_WORDS: [RegExp, string][] = [
  [/€|\beuros?\b|\beur\b/i, 'EUR'],
  [/\$|\bdollars?\b|\busd\b|\bbucks\b/i, 'USD'],
  [/£|\bpounds?\b|\bgbp\b/i, 'GBP'],
];

const POLICY_WORDS: [RegExp, PolicyTopic][] = [
  [/\b(return|returns|returning|refund|refunds|exchange|exchanges|send (it )?back)\b/i, 'returns'],
  [/\b(ship|ships|shipping|delivery|deliver|delivers|delivered|postage|dispatch|courier|arrive)\b/i, 'shipping'],
  [/\b(pay|paying|payment|payments|card|cards|paypal|klarna|invoice)\b/i, 'payments'],
  [/\b(warranty|guarantee|guaranteed|repair|defect|defective|broken)\b/i, 'warranty'],
  [/\b(contact|phone|call|support|human|person|opening hours)\b/i, 'contact'],
];

const ORDINALS: Record<string, number> = { first: 0, second: 1, third: 2, fourth: 3, fifth: 4, last: -1 };
const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

const AMOUNT = String.raw`(?:[€$£]\s*)?(\d+(?:[.,]\d{1,2})?)\s*(?:€|\$|£|euros?|eur|dollars?|usd|bucks|pounds?|gbp)?`;
const CEILING = new RegExp(String.raw`\b(?:under|below|less than|cheaper than|at most|max(?:imum)?|up to|no more than|<)\s*${AMOUNT}`, 'i');
const FLOOR = new RegExp(String.raw`\b(?:over|above|more than|at least|min(?:imum)?|from|>)\s*${AMOUNT}`, 'i');
const RANGE = new RegExp(String.raw`\bbetween\s*${AMOUNT}\s*and\s*${AMOUNT}`, 'i');
const BARE_PRICE = /(?:[€$£]\s*(\d+(?:[.,]\d{1,2})?))|(?:\b(\d+(?:[.,]\d{1,2})?)\s*(?:€|\$|£|euros?|eur|dollars?|usd|bucks|pounds?|gbp)\b)/i;
const ORDER_NUMBER = /(?:#\s*|\border\s+(?:number\s+|no\.?\s*)?#?\s*)(\d{1,9})\b/i;
const ORDER_TALK = /\b(my (last |latest |recent )?(order|package|parcel|delivery|purchase)|where('s| is) my|track(ing)?|order status|status of|has (it|my order) (shipped|been sent)|when will (it|my order))\b/i;
const ADD_TALK = /\b(add|put)\b.*\b(cart|basket|bag)\b|\b(add|i'?ll take|take)\s+(it|them|that|this|the \w+ one|one|\d+|two|three)\b|^add\b/i;
const GREETING = /^\s*(hi|hello|hey|good (morning|afternoon|evening)|help|what can you do)\b[\s!.?]*$/i;

function toMinor(amount: string, currency: string): number {
  return Math.round(Number(amount.replace(',', '.')) * 10 ** minorUnitDigits(currency));
}

export function parseMessage(text: string, vocabulary: OptionVocabulary): ParsedMessage {
  let rest = ` ${text.toLowerCase().replace(/[’‘]/g, "'")} `;
  const parsed: ParsedMessage = { intent: 'unknown', words: [], options: {}, cheaper: false, quantity: 1 };

  const number = ORDER_NUMBER.exec(rest);
  if (number) {
    parsed.order_number = number[1];
    rest = rest.replace(number[0], ' ');
  }
  parsed.currency_code = CURRENCY_WORDS.find(([pattern]) => pattern.test(rest))?.[1];
  const range = RANGE.exec(rest);
  const ceiling = range ? null : CEILING.exec(rest);
  const floor = range ? null : FLOOR.exec(rest);
  const amounts: { min?: string; max?: string } = {};
  if (range) {
    [amounts.min, amounts.max] = [range[1], range[2]];
    rest = rest.replace(range[0], ' ');
  }
  if (ceiling) {
    amounts.max = ceiling[1];
    rest = rest.replace(ceiling[0], ' ');
  }
  if (floor) {
    amounts.min = floor[1];
    rest = rest.replace(floor[0], ' ');
  }
  const bare = amounts.min || amounts.max ? null : BARE_PRICE.exec(rest);
  if (bare) {
    // "a 50 euro scarf": about that much, taken as a ceiling.
    amounts.max = bare[1] ?? bare[2];
    rest = rest.replace(bare[0], ' ');
  }
  if (amounts.min || amounts.max) {
    parsed.amounts = {
      ...(amounts.min ? { min: Number(amounts.min.replace(',', '.')) } : {}),
      ...(amounts.max ? { max: Number(amounts.max.replace(',', '.')) } : {}),
    };
    if (parsed.currency_code) Object.assign(parsed, priceBounds(parsed.amounts, parsed.currency_code));
  }
  parsed.cheaper = /\b(cheaper|less expensive|lower price|more affordable|cheapest)\b/.test(rest);

  // Sizes: "size M", "in size 42", "in medium", "extra large"; a lone letter size ("in M", "M").
  for (const [phrase, size] of Object.entries(SIZE_WORDS).sort((a, b) => b[0].length - a[0].length)) {
    const named = phrase.length > 2
      ? new RegExp(String.raw`\b(?:in (?:a |size )?|size )?${phrase}\b`)
      : new RegExp(String.raw`\b(?:in (?:a |size )?|size )${phrase}\b|(?<=\s)${phrase}(?=\s*$|\s*[,.!?])`);
    const found = named.exec(rest);
    if (found) {
      parsed.options.size = size;
      rest = rest.replace(found[0], ' ');
      break;
    }
  }
  if (!parsed.options.size) {
    const sized = /\b(?:size|in size)\s+([a-z0-9]{1,4})\b/.exec(rest);
    if (sized) {
      parsed.options.size = sized[1].toUpperCase();
      rest = rest.replace(sized[0], ' ');
    }
  }
  const ordinal = /\b(first|second|third|fourth|fifth|last)\b(?:\s+(one|product|item))?/.exec(rest);
  if (ordinal) {
    parsed.ordinal = ORDINALS[ordinal[1]];
    rest = rest.replace(ordinal[0], ' ');
  }
  const quantity = /\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+(?:of (?:them|those|it)|pieces?|units?|pairs?|x)\b|\bx\s*(\d{1,2})\b/.exec(rest);
  if (quantity) {
    const q = quantity[1] ?? quantity[2];
    parsed.quantity = NUMBER_WORDS[q] ?? Number(q);
    rest = rest.replace(quantity[0], ' ');
  }

  const words: string[] = [];
  for (const word of rest.match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? []) {
    const known = vocabulary.get(word);
    if (known && known.option.toLowerCase() !== 'size' && !/^\d+$/.test(word)) {
      parsed.options[known.option.toLowerCase()] = known.value;
      continue;
    }
    if ((FILLER.has(word) && !KEEP.has(word)) || /^\d+$/.test(word) || word.length < 2) continue;
    words.push(word.replace(/'s$/, ''));
  }
  parsed.words = words.slice(0, 6);

  const policy = POLICY_WORDS.find(([pattern]) => pattern.test(text))?.[1];
  if (parsed.order_number || ORDER_TALK.test(text)) parsed.intent = 'order_status';
  else if (ADD_TALK.test(text)) parsed.intent = 'add_to_cart';
  else if (policy && !parsed.amounts) parsed.intent = 'policy';
  else if (GREETING.test(text)) parsed.intent = 'greeting';
  else if (parsed.words.length || parsed.amounts || parsed.cheaper || Object.keys(parsed.options).length) parsed.intent = 'product_search';
  if (parsed.intent === 'policy') parsed.policy = policy;
  if (parsed.intent === 'order_status' || parsed.intent === 'policy') parsed.words = [];
  return parsed;
}

/** Whole amounts as typed → minor units of the currency. */
export function priceBounds(amounts: { min?: number; max?: number }, currency: string): { price_min?: number; price_max?: number } {
  return {
    ...(amounts.min !== undefined ? { price_min: toMinor(String(amounts.min), currency) } : {}),
    ...(amounts.max !== undefined ? { price_max: toMinor(String(amounts.max), currency) } : {}),
  };
}
