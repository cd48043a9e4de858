import { reportCliError } from './report-cli-error';
import { shoalProgram } from './shoal-program';

shoalProgram().parseAsync(process.argv).catch(reportCliError);
