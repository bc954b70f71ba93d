// Installs mathjs's expression parser for formula keys. Imported by the package entry (index.ts) and
// on demand by loadFormulaParser(), so a scenario without formula keys never loads mathjs.
import { create, parseDependencies } from 'mathjs';
import { setFormulaParser } from './formula.ts';

// Only the parser, not the full mathjs instance: keeps the web bundle small.
const math = create({ parseDependencies: parseDependencies! }, {});
setFormulaParser((expression) => math.parse(expression));
