import defaultScenario from '../../scenarios/default.json';
import coldVsWarm from '../../scenarios/cold-vs-warm.json';
import burst from '../../scenarios/burst-scaling-limit.json';
import steady from '../../scenarios/steady-traffic.json';
import asyncRetries from '../../scenarios/async-retries-dlq.json';
import deploy from '../../scenarios/deploy-and-provisioned.json';
import faults from '../../scenarios/faults.json';
import asyncAtScale from '../../scenarios/async-at-scale.json';
import multiTenant from '../../scenarios/multi-tenant.json';
import qemuDensity from '../../scenarios/qemu-density.json';
import requestRate from '../../scenarios/request-rate-quota.json';
import sqsQueueScaling from '../../scenarios/sqs-queue-scaling.json';
import sqsFifoGroups from '../../scenarios/sqs-fifo-groups.json';
import kinesisStalledShard from '../../scenarios/kinesis-stalled-shard.json';
import dynamodbStream from '../../scenarios/dynamodb-stream.json';
import recursiveLoop from '../../scenarios/recursive-loop.json';

/** Built-in scenarios by name: the page's `?scenario=<name>` and the page API's `load(name)`. */
export const PRESETS: Record<string, unknown> = {
  default: defaultScenario,
  'cold-vs-warm': coldVsWarm,
  'burst-scaling-limit': burst,
  'steady-traffic': steady,
  'async-retries-dlq': asyncRetries,
  'deploy-and-provisioned': deploy,
  faults,
  'async-at-scale': asyncAtScale,
  'multi-tenant': multiTenant,
  'qemu-density': qemuDensity,
  'request-rate-quota': requestRate,
  'sqs-queue-scaling': sqsQueueScaling,
  'sqs-fifo-groups': sqsFifoGroups,
  'kinesis-stalled-shard': kinesisStalledShard,
  'dynamodb-stream': dynamodbStream,
  'recursive-loop': recursiveLoop,
};

export const PRESET_NAMES = Object.keys(PRESETS);
