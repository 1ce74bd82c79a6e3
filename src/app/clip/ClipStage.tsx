import { forwardRef } from 'react';
import { useUi } from '../store/uiStore';
import { View } from '../viewRegistry';
import { Stage } from '../embed/Stage';
import { ImmediateFrames } from '../views/useLiveFrame';
import { formatSpeed, formatTime } from '../format';

function ClipClock({ speed }: { speed: number }) {
  const timeMs = useUi((s) => s.frame?.timeMs ?? 0);
  const name = useUi((s) => s.scenarioName);
  return <p className="clip-clock">t = {formatTime(timeMs)} · shown at {formatSpeed(speed)} · {name} · Lambdascope</p>;
}

/**
 * The view a clip is made of, laid out at the clip's size (a Stage, as in a slide) and shown
 * scaled down as a preview. While exporting, its views draw every frame at once.
 */
export const ClipStage = forwardRef<HTMLDivElement, { view: string; width: number; height: number; speed: number; exporting: boolean; previewWidth: number }>(
  function ClipStage({ view, width, height, speed, exporting, previewWidth }, ref) {
    const p = Math.min(1, previewWidth / width);
    return (
      <div className="clip-preview" style={{ width: width * p, height: height * p }} data-testid="clip.preview">
        <div ref={ref} style={{ width, height, transform: `scale(${p})`, transformOrigin: '0 0' }}>
          <Stage size={{ width, height }} className="clip">
            <ImmediateFrames.Provider value={exporting}>
              <div className="slide-layout">
                <div className="slide-view"><View key={view} name={view} /></div>
                <ClipClock speed={speed} />
              </div>
            </ImmediateFrames.Provider>
          </Stage>
        </div>
      </div>
    );
  },
);
