import { Command } from 'commander';
import { analyzeCommand } from './commands/analyze';
import { campaignCommand } from './commands/campaign';
import { customerCommand } from './commands/customer';
import { devCommand } from './commands/dev';
import { importsCommand } from './commands/imports';
import { outboxCommand } from './commands/outbox';
import { resegmentCommand } from './commands/resegment';
import { segmentsCommand } from './commands/segments';
import { uploadCommand } from './commands/upload';

/** Every `shoal` command; built by a function so tests can run the CLI in-process. */
export const shoalProgram = (): Command =>
  new Command('shoal')
    .description('Customer segmentation and segment-targeted e-mail on AWS, or on this machine.')
    .showHelpAfterError()
    .addCommand(devCommand())
    .addCommand(uploadCommand())
    .addCommand(importsCommand())
    .addCommand(resegmentCommand())
    .addCommand(segmentsCommand())
    .addCommand(customerCommand())
    .addCommand(campaignCommand())
    .addCommand(outboxCommand())
    .addCommand(analyzeCommand());
