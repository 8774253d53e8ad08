/**
 * timelineOfBlock: a page's ```timeline``` block played by the checker's own code (src/check/run playTimeline:
 * a fresh cluster of the block's scenario, `file=` applied at time 0, the steps at their times) with a recorder
 * attached from the first instant. Pure: the build's remark plugin and the browser both call it.
 */
import type { Example, TimelineExample } from '../../check/extract/index.ts';
import { type CheckFailure, playTimeline } from '../../check/run/index.ts';
import type { SchemaPack } from '../../manifest/schema/index.ts';
import { runCommand } from '../../sim/index.ts';
import { recordTimeline, type TimelineRecorder } from './record.ts';
import type { Timeline } from './types.ts';

export interface BlockTimeline {
  /** The recording from 0 to `until` (absent when the block could not be played). */
  timeline?: Timeline;
  /** Why the block does not run, with page positions; empty when it ran. */
  failures: CheckFailure[];
}

export function timelineOfBlock(
  examples: readonly Example[],
  example: TimelineExample,
  pack: SchemaPack,
  file: string,
): BlockTimeline {
  let recorder: TimelineRecorder | undefined;
  const play = playTimeline(examples, example, pack, runCommand, file, {
    observe: (cluster) => {
      recorder = recordTimeline(cluster);
    },
  });
  if (!recorder) return { failures: play.failures };
  const timeline = recorder.timeline(example.until);
  recorder.stop();
  return { timeline, failures: play.failures };
}
