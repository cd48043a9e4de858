import { Command } from 'commander';
import { analyzeCommand } from './commands/analyze';
import { devCommand } from './commands/dev';
import { reportCliError } from './report-cli-error';

const program = new Command('shoal')
  .description('Customer segmentation and segment-targeted e-mail on AWS, or on this machine.')
  .showHelpAfterError()
  .addCommand(analyzeCommand())
  .addCommand(devCommand());

program.parseAsync(process.argv).catch(reportCliError);
