import { z } from 'zod';
import { EngineId } from './engines';
import { ImageRef } from './docker-names';

/**
 * Private registries (Registry HTTP API v2) and the logins the docker CLI keeps. A registry is named by its address
 * as the CLI names it (`host[:port]`, the key of `auths` and what credential helpers are asked about); Docker Hub is
 * `docker.io`.
 */

const hostPart = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
/** host[:port] as the distribution reference grammar writes a registry (no scheme, no path). */
export const REGISTRY_ADDRESS = new RegExp(`^(?:${hostPart}(?:\\.${hostPart})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]{1,5})?$`);
export const RegistryAddress = z.string().min(1).max(260).regex(REGISTRY_ADDRESS, 'A registry is host or host:port, such as registry.example.com:5000.');

// The repository path of the distribution grammar: lowercase components joined by "/".
const component = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
export const REPOSITORY_PATH = new RegExp(`^${component}(?:/${component})*$`);
export const RepositoryName = z.string().min(1).max(255).regex(REPOSITORY_PATH, 'A repository name is lowercase path components such as team/app.');
export const TAG = /^[\w][\w.-]{0,127}$/;
export const Tag = z.string().regex(TAG, 'A tag is letters, digits, _ . and -, up to 128 characters.');
export const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;
export const Digest = z.string().max(200).regex(DIGEST, 'A digest looks like sha256:… .');
/** A tag or a digest: what follows `/manifests/`. */
export const ManifestReference = z.union([Tag, Digest]);

/** Where the login of a registry is kept, in the docker CLI's order. */
export const CredentialSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('helper'), helper: z.string() }),
  z.object({ kind: z.literal('config') }),
  z.object({ kind: z.literal('none') }),
]);
export type CredentialSource = z.infer<typeof CredentialSource>;

export const RegistryInfo = z.object({
  address: RegistryAddress,
  /** The base URL Minato browses: https, or http for a loopback registry or after consent. */
  url: z.string(),
  /** Plain HTTP: shown, and only used on loopback or after consent. */
  plainHttp: z.boolean(),
  /** The user name of the stored login (never its secret); absent when there is none. */
  user: z.string().optional(),
  /** Where a login is (or would be) stored: a credential helper or the config file. */
  store: CredentialSource,
  /**
   * The private certificate authorities Minato trusts for this registry beside the system's: the one given when it
   * was added, and the docker CLI's `certs.d/<host:port>/*.crt` files found now (`file` names which).
   */
  authorities: z.array(z.object({ subject: z.string(), file: z.string().optional() })).default([]),
});
export type RegistryInfo = z.infer<typeof RegistryInfo>;

/** A CA certificate in PEM (what a `ca.crt` holds), pasted or read from a file the person picked. */
export const CaCertificatePem = z.string().max(64 * 1024).refine((value) => value.includes('-----BEGIN CERTIFICATE-----'), 'A CA certificate is PEM text starting with -----BEGIN CERTIFICATE-----.');

export const RegistryAddInput = z.object({
  /** What the person typed: host[:port], or a URL with http:// or https://. */
  url: z.string().min(1).max(300),
  /** Consent to plain HTTP to a registry that is not on this machine's loopback. */
  allowPlainHttp: z.boolean().default(false),
  /** The private CA that signed an HTTPS registry's certificate, trusted for this registry only. */
  caCertificate: CaCertificatePem.optional(),
});

export const RegistryRef = z.object({ address: RegistryAddress });

export const RegistryLoginInput = z.object({
  /** The engine checks the login (`POST /auth`), as `docker login` has it do. */
  engineId: EngineId,
  address: RegistryAddress,
  username: z.string().min(1).max(256),
  password: z.string().min(1).max(8192),
});

/** A page of a paged list: `next` is the cursor of the next page (the registry's `last`), absent on the last one. */
/** How many entries a page asks for (the registry may send fewer). */
const PageSize = z.number().int().min(1).max(1000).optional();
export const CatalogInput = RegistryRef.extend({ cursor: z.string().max(512).optional(), pageSize: PageSize });
export const CatalogPage = z.object({ repositories: z.array(z.string()), next: z.string().optional() });
export type CatalogPage = z.infer<typeof CatalogPage>;

export const TagsInput = RegistryRef.extend({ repository: RepositoryName, cursor: z.string().max(512).optional(), pageSize: PageSize });
export const TagsPage = z.object({ tags: z.array(z.string()), next: z.string().optional() });
export type TagsPage = z.infer<typeof TagsPage>;

export const ManifestInput = RegistryRef.extend({ repository: RepositoryName, reference: ManifestReference });

export const PlatformEntry = z.object({
  digest: z.string(),
  mediaType: z.string(),
  size: z.number().nonnegative(),
  os: z.string().optional(),
  architecture: z.string().optional(),
  variant: z.string().optional(),
});
export type PlatformEntry = z.infer<typeof PlatformEntry>;

export const LayerEntry = z.object({ digest: z.string(), mediaType: z.string(), size: z.number().nonnegative() });

export const HistoryEntry = z.object({
  created: z.string().optional(),
  createdBy: z.string().optional(),
  comment: z.string().optional(),
  emptyLayer: z.boolean(),
});

/** What an image's config blob says, as far as a person reads it. */
export const ImageConfigView = z.object({
  architecture: z.string().optional(),
  os: z.string().optional(),
  created: z.string().optional(),
  env: z.array(z.string()),
  labels: z.record(z.string(), z.string()),
  entrypoint: z.array(z.string()).optional(),
  cmd: z.array(z.string()).optional(),
  workingDir: z.string().optional(),
  user: z.string().optional(),
  exposedPorts: z.array(z.string()),
  history: z.array(HistoryEntry),
});
export type ImageConfigView = z.infer<typeof ImageConfigView>;

/**
 * A manifest: an index (OCI image index or Docker manifest list) lists its platforms; an image manifest its layers
 * and config.
 */
export const ManifestView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('index'), digest: z.string(), mediaType: z.string(), platforms: z.array(PlatformEntry) }),
  z.object({
    kind: z.literal('image'),
    digest: z.string(),
    mediaType: z.string(),
    configDigest: z.string(),
    layers: z.array(LayerEntry),
    size: z.number().nonnegative(),
  }),
]);
export type ManifestView = z.infer<typeof ManifestView>;

export const BlobInput = RegistryRef.extend({ repository: RepositoryName, digest: Digest });

export const DeleteTagInput = RegistryRef.extend({ repository: RepositoryName, tag: Tag });
export const DeleteTagResult = z.object({ digest: z.string() });

export const ImagePushInput = z.object({ engineId: EngineId, ref: ImageRef });
