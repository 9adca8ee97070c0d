// Baseline run for the summarization eval; keep the model fixed so scores stay comparable.
export const baseline = {
  name: "ticket-summaries-v3",
  model: "gpt-5.4",
  dataset: "evals/data/tickets.jsonl",
  minScore: 0.82,
};
