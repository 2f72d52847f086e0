import { Dialog, DialogClose } from './dialog.tsx';

/** Every keyboard shortcut, in one place (`?` opens it; so does the keyboard button in the header). */
const SHORTCUTS: [string, string][] = [
  ['Ctrl K / ⌘ K', 'Search orders, products, customers, pages and actions'],
  ['g then o', 'Go to orders'], ['g then p', 'Go to products'], ['g then c', 'Go to customers'], ['g then h', 'Go home'],
  ['j / k', 'Next / previous row of a list'], ['Enter', 'Open the row in focus'], ['x', 'Select or unselect the row in focus'],
  ['Ctrl S / ⌘ S', 'Save the product form'], ['Esc', 'Close a dialog'], ['?', 'Show these shortcuts'],
];

export default function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Keyboard shortcuts" description="Ignored while typing in a field.">
      <table className="data-table">
        <caption className="sr-only">Keyboard shortcuts</caption>
        <thead><tr><th scope="col">Keys</th><th scope="col">What it does</th></tr></thead>
        <tbody>
          {SHORTCUTS.map(([keys, what]) => <tr key={keys}><td className="whitespace-nowrap"><kbd>{keys}</kbd></td><td>{what}</td></tr>)}
        </tbody>
      </table>
      <div className="mt-4 flex justify-end"><DialogClose asChild><button type="button" className="button">Close</button></DialogClose></div>
    </Dialog>
  );
}
