// Friendly names for the gateway's types. Every one comes from src/generated/gateway.ts (generated from the
// gateway's OpenAPI document), so an API change reaches these types through `npm run generate`.
import type { components, operations } from "./generated/gateway.js";

type Schemas = components["schemas"];

export type WidgetDataResponse = Schemas["WidgetDataResponse"];
export type WidgetDataMetadata = Schemas["WidgetDataMetadata"];
export type CacheResult = Schemas["CacheResult"];
export type WidgetResult = Schemas["WidgetResult"];
export type MetricResult = Schemas["MetricResult"];
export type BreakdownResult = Schemas["BreakdownResult"];
export type TimeseriesResult = Schemas["TimeseriesResult"];
export type TableResult = Schemas["TableResult"];
export type WidgetDefinition = Schemas["WidgetDefinition"];
export type WidgetMeasure = Schemas["WidgetMeasure"];
export type WidgetType = Schemas["WidgetType"];
export type DatasetLayer = Schemas["DatasetLayer"];
export type StudyManifest = Schemas["StudyManifest"];
export type UploadAccepted = Schemas["UploadAccepted"];
export type CacheStatisticsReport = Schemas["CacheStatisticsReport"];
export type StudyStatistics = Schemas["StudyStatistics"];
export type WidgetStatistics = Schemas["WidgetStatistics"];
export type ProblemDetails = Schemas["ProblemDetails"];
export type HttpValidationProblemDetails = Schemas["HttpValidationProblemDetails"];
export type StudyEventConnected = Schemas["StudyEventConnected"];
export type CacheInvalidated = Schemas["CacheInvalidated"];
export type StudyCacheWarmed = Schemas["StudyCacheWarmed"];
export type StudyIds = operations["ListStudies"]["responses"][200]["content"]["application/json"];

/**
 * The document marks every parameter of the gateway's C# request records as required even where it is nullable, but
 * the gateway reads a missing property as null: the request types below let callers leave those properties out.
 */
type NullableMayBeOmitted<T> = { [K in keyof T as null extends T[K] ? K : never]?: T[K] | undefined } & {
    [K in keyof T as null extends T[K] ? never : K]: T[K];
};

/** One widget of a dashboard request: its id, and optionally a range and filters (values as strings). */
export type DashboardItem = NullableMayBeOmitted<Schemas["DashboardItem"]> & { widgetId: string };

/** The named widgets, the widgets carrying the tags, or with neither every widget of the study. */
export type InvalidationRequest = NullableMayBeOmitted<Schemas["InvalidationRequest"]> & { studyId: string };

/** Without studyId, every study (which needs a token for every study). */
export type WarmupRequest = NullableMayBeOmitted<Schemas["WarmupRequest"]>;
