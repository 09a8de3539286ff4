import { useStore } from 'zustand';
import { dismissToast, toastStore, type Toast } from './toast-store';
import './toast.css';

const icon: Record<Toast['kind'], string> = { success: '✓', info: 'ℹ', error: '!' };

/** Renders the toasts of toast-store at the top of the window; mount once. */
export function ToastHost() {
  const toasts = useStore(toastStore, (s) => s.toasts);
  return (
    <div className="zhb-toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`zhb-toast zhb-toast-${t.kind}`} data-testid="toast">
          <span className="zhb-toast-icon" aria-hidden>
            {icon[t.kind]}
          </span>
          <span className="zhb-toast-text">{t.text}</span>
          {t.action ? (
            <button
              type="button"
              className="zhb-toast-action"
              onClick={() => {
                dismissToast(t.id);
                t.action!.run();
              }}
            >
              {t.action.label}
            </button>
          ) : null}
          <button
            type="button"
            className="zhb-toast-close"
            aria-label="关闭提示"
            onClick={() => dismissToast(t.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
