export const quotes = [
  { id: 1, author: 'Edsger W. Dijkstra', text: 'Simplicity is prerequisite for reliability.' },
  { id: 2, author: 'Donald Knuth', text: 'Premature optimization is the root of all evil.' },
  { id: 3, author: 'Grace Hopper', text: 'The most dangerous phrase in the language is: we have always done it this way.' },
  { id: 4, author: 'Alan Perlis', text: 'Simplicity does not precede complexity, but follows it.' },
  { id: 5, author: 'Ken Thompson', text: 'When in doubt, use brute force.' },
];
