import { METHODS } from '../src/allocation/index.ts';
import { validateProblem } from '../src/problem/validate.ts';
import { generateProblem } from './generate.ts';
const r = validateProblem(generateProblem(50, 400));
if (!r.ok) throw new Error();
for (let i = 0; i < 30; i++) METHODS.direct.allocate(r.value);
