import { z } from 'zod';
import { ActionInput, ContainerDetail, ContainerSummary } from './containers';
import { EngineDraft, EngineId, EngineInfo, EngineTestResult, ResourceRef } from './engines';
import { WireError } from './errors';
import { LogBatch, LogsInput } from './logs';
import { AttachInput, ExecEvent, ExecInput, ExecInputData, ExecResize } from './exec';
import {
  DownloadEvent,
  DownloadInput,
  FilesListInput,
  FilesListing,
  UploadBeginInput,
  UploadChunkInput,
  UploadFileInput,
  UploadRef,
  UploadResult,
} from './files';
import { FilesystemChange, ProcessList, RawInspect } from './inspect';
import { CreateInput } from './run/create-input';
import { EditEvent, EditInput, RecreateResult } from './run/edit-events';
import { CONTAINER_NAME, RunSpec } from './run/run-spec';
import {
  HostPathInput,
  HostPathStatus,
  ImageFacts,
  ImagePullInput,
  ImageRefInput,
  ImageRemoveInput,
  ImageRemoveResult,
  ImageSummary,
  NetworkSummary,
  PortCheck,
  PortCheckInput,
} from './images';
import { PortForwardInput, PortForwardOpened } from './ports';
import { HubImage, HubImageInput, HubRateLimit, HubRepository, HubRepositoryInput, HubSearchInput, HubSearchPage, HubTagsInput, HubTagsPage } from './hub';
import {
  CommitInput,
  CommitResult,
  ContainerExportInput,
  ImageDetail,
  ImageSaveInput,
  ImageTagInput,
  ImageUploadBegin,
  ImageUploadChunk,
  ImageUploadRef,
  ImageUploadResult,
  ImageUploadStarted,
  PruneInput,
  PrunePlan,
  PrunePreviewInput,
  PruneReport,
  TarDownloadEvent,
  TaskStarted,
} from './image-details';
import { PullStarted, TaskChange, TaskLayer, TaskLog, TaskRef, TaskSummary } from './tasks';
import { BuildContextInput, BuildContextStatus, BuildInput, BuildStarted } from './build';
import {
  BlobInput,
  CatalogInput,
  CatalogPage,
  DeleteTagInput,
  DeleteTagResult,
  ImageConfigView,
  ImagePushInput,
  ManifestInput,
  ManifestView,
  RegistryAddInput,
  RegistryInfo,
  RegistryLoginInput,
  RegistryRef,
  TagsInput,
  TagsPage,
} from './registry';
import { StatsInput, StatsSample, StatsSnapshot, StatsSnapshotInput } from './stats';
import { volumeProcedures, volumeSubscriptions } from './volumes-procedures';
import { networkProcedures, networkSubscriptions } from './networks-procedures';
import { composeProcedures, composeSubscriptions } from './compose-procedures';
import { systemProcedures, systemSubscriptions } from './system-procedures';
import { vmProcedures, vmSubscriptions } from './vm-procedures';

export const ActionResult = z.object({
  id: z.string(),
  ok: z.boolean(),
  error: WireError.optional(),
});
export type ActionResult = z.infer<typeof ActionResult>;

const EngineScoped = z.object({ engineId: EngineId });

/**
 * Request/response procedures. Channel names are `domain:verb`. Inputs are validated with these schemas at the
 * boundary (engine side); outputs are produced by typed handlers.
 */
export const procedures = {
  'engines:list': { input: z.object({}), output: z.array(EngineInfo) },
  'engines:retry': { input: EngineScoped, output: EngineInfo },
  // Settings → Engines: engines added here are saved in Minato's settings file and connect at once.
  'engines:add': { input: EngineDraft, output: EngineInfo },
  'engines:update': { input: EngineDraft.extend({ engineId: EngineId }), output: EngineInfo },
  'engines:remove': { input: EngineScoped, output: z.object({}) },
  'engines:test': { input: EngineDraft, output: EngineTestResult },
  // Records the host key last seen for host:port in known_hosts, only if its fingerprint is the one the person saw.
  'engines:acceptHostKey': {
    input: z.object({ host: z.string().min(1).max(255), port: z.number().int().min(1).max(65535), fingerprint: z.string().startsWith('SHA256:').max(100) }),
    output: z.object({}),
  },
  // A passphrase for an encrypted key file, kept in memory only for this run.
  'engines:unlockKey': { input: z.object({ keyFile: z.string().min(1).max(4096), passphrase: z.string().max(1024) }), output: z.object({}) },
  // Consent to plain tcp:// to another machine (root over the network without authentication), saved in settings.
  'engines:allowInsecure': { input: EngineScoped, output: EngineInfo },
  // `ids` (full ids) narrows the list to those containers, so an event can patch their rows instead of refetching them all.
  'containers:list': { input: EngineScoped.extend({ ids: z.array(z.string().min(1)).min(1).max(100).optional() }), output: z.array(ContainerSummary) },
  'containers:inspect': { input: ResourceRef, output: ContainerDetail },
  'containers:act': { input: ActionInput, output: z.object({ results: z.array(ActionResult) }) },
  'containers:create': {
    input: CreateInput,
    output: z.object({ id: z.string(), name: z.string(), warnings: z.array(z.string()) }),
  },
  'containers:specOf': { input: ResourceRef, output: RunSpec },
  'images:inspect': { input: ImageRefInput, output: ImageFacts },
  'images:list': { input: EngineScoped, output: z.array(ImageSummary) },
  'images:remove': { input: ImageRemoveInput, output: ImageRemoveResult },
  // `docker pull` starts a task and answers at once; its progress comes through `tasks:changes`.
  'images:pull': { input: ImagePullInput, output: PullStarted },
  // `docker push` as a task, with the stored login (or none) in X-Registry-Auth.
  'images:push': { input: ImagePushInput, output: PullStarted },
  // `docker build` of a folder on this machine as a task; refused before starting when the folder or Dockerfile is not there.
  'build:start': { input: BuildInput, output: BuildStarted },
  // What the Build form shows by its folder and Dockerfile fields as they are typed (headless mode has no dialog).
  'build:checkContext': { input: BuildContextInput, output: BuildContextStatus },
  // Private registries (Registry HTTP API v2); logins kept where the docker CLI keeps them, never sent back.
  'registries:list': { input: z.object({}), output: z.array(RegistryInfo) },
  'registries:add': { input: RegistryAddInput, output: RegistryInfo },
  'registries:remove': { input: RegistryRef, output: z.object({}) },
  'registries:login': { input: RegistryLoginInput, output: RegistryInfo },
  'registries:logout': { input: RegistryRef, output: z.object({}) },
  'registries:catalog': { input: CatalogInput, output: CatalogPage },
  'registries:tags': { input: TagsInput, output: TagsPage },
  'registries:manifest': { input: ManifestInput, output: ManifestView },
  'registries:config': { input: BlobInput, output: ImageConfigView },
  'registries:deleteTag': { input: DeleteTagInput, output: DeleteTagResult },
  // Docker Hub, asked by the engine: search, a repository (README as Markdown), its tags, the pull limit left.
  'hub:search': { input: HubSearchInput, output: HubSearchPage },
  'hub:repository': { input: HubRepositoryInput, output: HubRepository },
  'hub:tags': { input: HubTagsInput, output: HubTagsPage },
  'hub:rateLimit': { input: HubRepositoryInput, output: HubRateLimit },
  'hub:image': { input: HubImageInput, output: HubImage },
  // An image's page: inspect and history in one answer (secrets masked).
  'images:detail': { input: ImageRefInput, output: ImageDetail },
  'images:tag': { input: ImageTagInput, output: z.object({}) },
  'containers:commit': { input: CommitInput, output: CommitResult },
  // `docker load` / `docker import` of a tar streamed in chunks, each a task with progress and cancel.
  'images:uploadBegin': { input: ImageUploadBegin, output: ImageUploadStarted },
  'images:uploadChunk': { input: ImageUploadChunk, output: z.object({}) },
  'images:uploadEnd': { input: ImageUploadRef, output: ImageUploadResult },
  'images:uploadAbort': { input: ImageUploadRef, output: z.object({}) },
  // The engine has no dry run: the preview lists what a prune would remove and the filters that keep it to that.
  'images:prunePreview': { input: PrunePreviewInput, output: PrunePlan },
  'images:prune': { input: PruneInput, output: TaskStarted },
  'images:pruneReport': { input: z.object({ taskId: z.string().max(64) }), output: PruneReport },
  'tasks:list': { input: z.object({}), output: z.array(TaskSummary) },
  'tasks:cancel': { input: TaskRef, output: z.object({}) },
  'tasks:log': { input: TaskRef, output: TaskLog },
  'tasks:layers': { input: TaskRef, output: z.array(TaskLayer) },
  'networks:list': { input: EngineScoped, output: z.array(NetworkSummary) },
  'host:checkPort': { input: PortCheckInput, output: PortCheck },
  'host:pathStatus': { input: HostPathInput, output: HostPathStatus },
  'host:createFolder': { input: HostPathInput, output: z.object({}) },
  'host:canPickFolder': { input: z.object({}), output: z.object({ available: z.boolean() }) },
  'host:pickFolder': { input: z.object({}), output: z.object({ path: z.string().optional() }) },
  'volumes:names': { input: EngineScoped, output: z.array(z.string()) },
  'containers:recreate': { input: EditInput, output: RecreateResult },
  'containers:rename': {
    input: ResourceRef.extend({ name: z.string().regex(CONTAINER_NAME, 'Names start with a letter or digit and use only letters, digits, _ . and -.') }),
    output: z.object({}),
  },
  'containers:inspectRaw': { input: ResourceRef, output: RawInspect },
  'containers:top': { input: ResourceRef, output: ProcessList },
  'containers:diff': { input: ResourceRef, output: z.array(FilesystemChange) },
  'containers:statsSnapshot': { input: StatsSnapshotInput, output: z.array(StatsSnapshot) },
  'files:list': { input: FilesListInput, output: FilesListing },
  'files:uploadBegin': { input: UploadBeginInput, output: z.object({ uploadId: z.string() }) },
  'files:uploadFile': { input: UploadFileInput, output: z.object({}) },
  'files:uploadChunk': { input: UploadChunkInput, output: z.object({}) },
  'files:uploadEnd': { input: UploadRef, output: UploadResult },
  'files:uploadAbort': { input: UploadRef, output: z.object({}) },
  'exec:input': { input: ExecInputData, output: z.object({}) },
  'exec:resize': { input: ExecResize, output: z.object({}) },
  ...volumeProcedures,
  ...networkProcedures,
  ...composeProcedures,
  ...systemProcedures,
  ...vmProcedures,
} as const;

export const ResourceKind = z.enum(['container', 'image', 'volume', 'network']);
export type ResourceKind = z.infer<typeof ResourceKind>;

/** A coalesced batch of engine events: enough for the UI to know which queries went stale. */
export const ChangeBatch = z.object({
  engineId: EngineId,
  kinds: z.array(ResourceKind),
  /** Ids of resources that changed; empty on a resync. */
  ids: z.array(z.string()),
  /** True after a reconnect: anything may have changed, refetch all. */
  resync: z.boolean(),
});
export type ChangeBatch = z.infer<typeof ChangeBatch>;

/**
 * Push subscriptions: each event is one message; a subscription ends when either side disposes it.
 * A `creditWindow` makes it a flow-controlled stream: the client acknowledges events as it consumes them, and the
 * engine stops reading its source while that many are unacknowledged.
 */
export const subscriptions = {
  'engines:status': { input: z.object({}), event: EngineInfo },
  'engines:changes': { input: EngineScoped, event: ChangeBatch },
  'containers:logs': { input: LogsInput, event: LogBatch, creditWindow: 8 },
  'containers:exec': { input: ExecInput, event: ExecEvent, creditWindow: 8 },
  'containers:attach': { input: AttachInput, event: ExecEvent, creditWindow: 8 },
  'containers:stats': { input: StatsInput, event: StatsSample },
  'files:download': { input: DownloadInput, event: DownloadEvent, creditWindow: 8 },
  // An edit (recreate) that reports each step as it begins, then its result.
  'containers:edit': { input: EditInput, event: EditEvent },
  // Every task of this engine process (all windows see the same ones): all of them at first, then each change.
  'tasks:changes': { input: z.object({}), event: TaskChange },
  // `docker save` / `docker export` streamed to a file as a task, paced by the client's acknowledgements.
  'images:save': { input: ImageSaveInput, event: TarDownloadEvent, creditWindow: 8 },
  'containers:export': { input: ContainerExportInput, event: TarDownloadEvent, creditWindow: 8 },
  // A published port of an SSH engine on a 127.0.0.1 port here, open while subscribed (and while the engine is connected).
  'ports:forward': { input: PortForwardInput, event: PortForwardOpened },
  ...volumeSubscriptions,
  ...networkSubscriptions,
  ...composeSubscriptions,
  ...systemSubscriptions,
  ...vmSubscriptions,
} satisfies Record<string, { input: z.ZodType; event: z.ZodType; creditWindow?: number }>;

export type Procedures = typeof procedures;
export type Method = keyof Procedures;
export type MethodInput<M extends Method> = z.input<Procedures[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Procedures[M]['input']>;
export type MethodOutput<M extends Method> = z.output<Procedures[M]['output']>;

export type Subscriptions = typeof subscriptions;
export type Topic = keyof Subscriptions;
export type TopicInput<T extends Topic> = z.input<Subscriptions[T]['input']>;
export type ParsedTopicInput<T extends Topic> = z.output<Subscriptions[T]['input']>;
export type TopicEvent<T extends Topic> = z.output<Subscriptions[T]['event']>;

export function isMethod(name: string): name is Method {
  return Object.hasOwn(procedures, name);
}

export function isTopic(name: string): name is Topic {
  return Object.hasOwn(subscriptions, name);
}

/** The credit window of a flow-controlled topic, or undefined for plain push topics. */
export function creditWindow(topic: Topic): number | undefined {
  const entry = subscriptions[topic];
  return 'creditWindow' in entry && typeof entry.creditWindow === 'number' ? entry.creditWindow : undefined;
}
