// Installs mathjs's expression parser for formula keys. Imported by the package entry (index.ts) and
// on demand by loadFormulaParser(), so a scenario without formula keys never loads mathjs.
import { create, parseDependencies } from 'mathjs/number';
import { setFormulaParser } from './formula.ts';

// Only the parser, not the full mathjs instance, from mathjs's number-only entry (the parser is the
// same; loading it takes about half the time of the full entry): keeps the web bundle small.
const math = create({ parseDependencies: parseDependencies! }, {});
setFormulaParser((expression) => math.parse(expression));
