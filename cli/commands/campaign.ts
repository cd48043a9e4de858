import { Command } from 'commander';
import { campaignResultsCommand } from './campaign-results';
import { campaignSendCommand } from './campaign-send';

/** `shoal campaign …`: e-mail campaigns to segments. */
export const campaignCommand = (): Command =>
  new Command('campaign')
    .description('Send a campaign to a segment and read its results')
    .addCommand(campaignSendCommand())
    .addCommand(campaignResultsCommand());
