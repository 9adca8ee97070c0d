import { ModelPicker } from "./model-picker";

export function SettingsPage({ onSave }: { onSave: (model: string) => void }) {
  return (
    <form className="settings">
      {/* gpt55-codemod-ignore: the contract pins this tenant's model */}
      <ModelPicker label="Enterprise tenant" model="gpt-5.4" onChange={onSave} />
      <ModelPicker label="Default" model="gpt-5.4" onChange={onSave} />
    </form>
  );
}
