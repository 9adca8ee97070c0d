/* eslint-disable @typescript-eslint/no-explicit-any */
import   OpenAI   from 'openai'
import { action, computed, makeObservable, observable } from "mobx";
import { observer } from 'mobx-react-lite'

const client = new OpenAI( { maxRetries : 3 } )

/**
 * Chat state for the assistant panel.
 *   - keeps the transcript
 *   - streams replies
 */
export class ChatStore {
  @observable messages : Array<{ role: 'user'|'assistant'; content: string }> = [ ]
  @observable busy = false
  @observable model = 'gpt-5.5'   // shown in the header, sent with every request

  constructor() { makeObservable(this) }

  @computed get turns() { return this.messages.filter(m=>m.role==='user').length }

  @action.bound
  async send(text: string) {
    this.busy = true ; this.messages.push({ role:'user', content:text })
    const reply = await client.responses.create({model:this.model,input:this.messages,store:false,
        metadata: { panel: "assistant" }})
    this.messages.push( { role : 'assistant' , content : reply.output_text } )
    this.busy = false
  }
}

export const ChatPanel = observer(({ store }: { store: ChatStore }) => (
  <aside   className="chat-panel"  data-model={store.model}>
    {/* header shows the model the store talks to */}
    <h3>Assistant · {store.model}</h3>
    {store.messages.map((m, i) =>
        <p key={i} className={m.role}>{m.content}</p>)}
    <button disabled={store.busy} onClick={() => store.send("Summarize the thread")}>Summarize</button>
  </aside>
))
