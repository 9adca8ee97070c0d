import OpenAI from "openai";

export class TicketSummarizer {
  private readonly client = new OpenAI();
  private readonly model = "gpt-5.5";
  static readonly defaultModel = 'gpt-5.5';

  async summarize(ticket: string): Promise<string> {
    const response = await this.client.responses.create({
      model: this.model,
      instructions: "Summarize the ticket for the on-call engineer.",
      input: ticket,
    });
    return response.output_text;
  }
}

export class ReplyDrafter {
  private client = new OpenAI();
  model = "gpt-5.4";

  async draft(ticket: string): Promise<string> {
    const response = await this.client.responses.create({
      model: this.model,
      temperature: 0.4,
      input: ticket,
    });
    return response.output_text;
  }
}

export class Classifier {
  private readonly client: OpenAI;
  private readonly model: string;

  constructor(client = new OpenAI()) {
    this.client = client;
    this.model = "gpt-5.4";
  }

  async label(text: string) {
    const completion = await this.client.chat.completions.create({
      model: this.model,
      top_p: 0.1,
      messages: [{ role: "user", content: text }],
    });
    return completion.choices[0]?.message.content;
  }
}

export class Translator {
  #model = "gpt-5.5";

  constructor(
    private readonly client: OpenAI,
    private readonly draftModel = "gpt-5.4",
  ) {}

  async translate(text: string, language: string) {
    const response = await this.client.responses.create({
      model: this.#model,
      instructions: `Translate into ${language}.`,
      input: text,
    });
    return response.output_text;
  }

  async roughDraft(text: string) {
    const response = await this.client.responses.create({ model: this.draftModel, temperature: 0.8, input: text });
    return response.output_text;
  }
}
