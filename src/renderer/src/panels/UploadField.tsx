import { useState } from 'react';
import { uploadData } from '../actions/data';

interface Props {
  label: string;
  testId: string;
  disabled: boolean;
  /** Called with the path on the host where the uploaded copy lies. */
  onUploaded(path: string): void;
}

/** Above this the WebSocket frame would be refused; the host says the same in words. */
const MAX_UPLOAD_MB = 60;

/**
 * Browser mode reads data only from its own folders: a file of this computer comes in by
 * upload, and the path of the stored copy goes into the data settings.
 */
export function UploadField({ label, testId, disabled, onUploaded }: Props) {
  const [state, setState] = useState<{ busy: boolean; text: string | null; error: boolean }>({
    busy: false,
    text: null,
    error: false,
  });
  const upload = async (file: File) => {
    if (file.size > MAX_UPLOAD_MB * 1024 * 1024) {
      setState({
        busy: false,
        error: true,
        text: `'${file.name}' is larger than ${MAX_UPLOAD_MB} MB. Compress it (.gz) or start the studio with --data-root=<folder>.`,
      });
      return;
    }
    setState({ busy: true, text: `Uploading '${file.name}'…`, error: false });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await uploadData(file.name, bytes);
    if (!result.ok) {
      setState({ busy: false, text: result.error.message, error: true });
      return;
    }
    setState({ busy: false, text: `Uploaded as '${result.value.name}'.`, error: false });
    onUploaded(result.value.path);
  };
  return (
    <label className="setting wide" title="Send a file from this computer to the studio.">
      <span>{label}</span>
      <input
        type="file"
        data-testid={testId}
        disabled={disabled || state.busy}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void upload(file);
        }}
      />
      {state.text && (
        <span className={state.error ? 'field-error' : 'field-note'}>{state.text}</span>
      )}
    </label>
  );
}
