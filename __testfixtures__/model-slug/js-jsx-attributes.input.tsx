import { useState } from "react";
import { ModelPicker } from "@/components/model-picker";
import { ChatWindow } from "@/components/chat-window";

export function Playground() {
  const [model, setModel] = useState("gpt-5.4");

  return (
    <main className="playground">
      <ModelPicker model="gpt-5.4" value={model} onChange={setModel} />
      <ChatWindow
        model={model}
        defaultModel={'gpt-5.4'}
        placeholder="Ask gpt-5.4 anything"
      />
      <ChatWindow model={`gpt-5.4`} temperature={0.2} compact />
      <p>Replies come from gpt-5.4.</p>
    </main>
  );
}
