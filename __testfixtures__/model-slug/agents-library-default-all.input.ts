import type { Model, ModelSettings } from '../../model';
import { Capability } from './base';

const SUMMARY_FILE = 'memory_summary.md';
const DEFAULT_SUMMARY_MODEL = 'gpt-5.4';
const DEFAULT_SUMMARY_SETTINGS: ModelSettings = {
  reasoning: { effort: 'medium' },
};

export type SummaryConfig = {
  model?: string | Model;
  modelSettings?: ModelSettings;
};

export class SummaryCapability extends Capability {
  readonly file = SUMMARY_FILE;

  constructor(private readonly config: SummaryConfig = {}) {
    super('summary');
  }

  resolved() {
    return {
      model: this.config.model ?? DEFAULT_SUMMARY_MODEL,
      modelSettings: this.config.modelSettings ?? DEFAULT_SUMMARY_SETTINGS,
    };
  }
}
