import React from "react";
import { useChat } from "@ai-sdk/react";

export default function SupportWidget({ user }) {
  const { messages, input, handleInputChange, handleSubmit } = useChat({
    api: "/api/chat",
    body: { model: "gpt-5.5", userId: user.id },
  });

  return (
    <section className="support-widget">
      <header>
        <h2>Support</h2>
        <ModelBadge model="gpt-5.5" />
      </header>
      <ul>
        {messages.map((m) => (
          <li key={m.id} className={m.role}>{m.content}</li>
        ))}
      </ul>
      <form onSubmit={handleSubmit}>
        <input value={input} onChange={handleInputChange} placeholder="How can we help?" />
      </form>
    </section>
  );
}

function ModelBadge({ model }) {
  return <span className="badge">{model}</span>;
}
