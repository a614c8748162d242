/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /**
   * The `DateTime` scalar type represents a DateTime
   * value as specified by
   * [iso8601](https://en.wikipedia.org/wiki/ISO_8601).
   */
  DateTime: { input: string; output: string; }
  /**
   * Allows use of a JSON String for input / output from the GraphQL schema.
   *
   * Use of this type is *not recommended* as you lose the benefits of having a defined, static
   * schema (one of the key benefits of GraphQL).
   */
  JSONString: { input: string; output: string; }
  /** GraphQL type for an integer that must be equal or greater than zero. */
  PositiveInt: { input: number; output: number; }
  /** Sanitised HTML; links to pages point at their URL, links to hidden pages carry no href. */
  RichText: { input: string; output: string; }
  /**
   * Leverages the internal Python implementation of UUID (uuid.UUID) to provide native UUID objects
   * in fields, resolvers and input.
   */
  UUID: { input: string; output: string; }
};

export type BlockQuoteBlock = StreamFieldInterface & {
  __typename?: 'BlockQuoteBlock';
  blockType: Scalars['String']['output'];
  field: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
  value: Scalars['String']['output'];
};

export type BooleanBlock = StreamFieldInterface & {
  __typename?: 'BooleanBlock';
  blockType: Scalars['String']['output'];
  field: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
  value: Scalars['Boolean']['output'];
};

/** A prompt to act, with a button that links to a page or a URL. */
export type CallToActionBlock = StreamFieldInterface & {
  __typename?: 'CallToActionBlock';
  blockType: Scalars['String']['output'];
  buttonLabel: Scalars['String']['output'];
  field: Scalars['String']['output'];
  heading: Scalars['String']['output'];
  /** Where the button goes. */
  href?: Maybe<Scalars['String']['output']>;
  id?: Maybe<Scalars['String']['output']>;
  linkPage?: Maybe<PageInterface>;
  linkUrl?: Maybe<Scalars['String']['output']>;
  text: Scalars['String']['output'];
};

/** One rung of the career ladder. */
export type CareerLevelBlock = StreamFieldInterface & {
  __typename?: 'CareerLevelBlock';
  blockType: Scalars['String']['output'];
  field: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
  summary: Scalars['String']['output'];
  title: Scalars['String']['output'];
};

/** The career ladder, from the first level to the most senior. */
export type CareerPathBlock = StreamFieldInterface & {
  __typename?: 'CareerPathBlock';
  blockType: Scalars['String']['output'];
  field: Scalars['String']['output'];
  heading: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
  levels: Array<CareerLevelBlock>;
};

export type Category = SnippetInterface & {
  __typename?: 'Category';
  contentType: Scalars['String']['output'];
  id?: Maybe<Scalars['ID']['output']>;
  name: Scalars['String']['output'];
  slug: Scalars['String']['output'];
  snippetType: Scalars['String']['output'];
};

export type CharBlock = StreamFieldInterface & {
  __typename?: 'CharBlock';
  blockType: Scalars['String']['output'];
  field: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
  value: Scalars['String']['output'];
};

export type ChoiceBlock = StreamFieldInterface & {
  __typename?: 'ChoiceBlock';
  blockType: Scalars['String']['output'];
  choices: Array<ChoiceOption>;
  field: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
  value: Scalars['String']['output'];
};

export type ChoiceOption = {
  __typename?: 'ChoiceOption';
  key: Scalars['String']['output'];
  value: Scalars['String']['output'];
};

/** Collection type */
export type CollectionObjectType = {
  __typename?: 'CollectionObjectType';
  ancestors: Array<Maybe<CollectionObjectType>>;
  descendants: Array<Maybe<CollectionObjectType>>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

/** Companies hiring for the role. May be empty; an empty list renders nothing. */
export type CompaniesHiringBlock = StreamFieldInterface & {
  __typename?: 'CompaniesHiringBlock';
  blockType: Scalars['String']['output'];
  companies: Array<Company>;
  field: Scalars['String']['output'];
  heading: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
};

export type Company = SnippetInterface & {
  __typename?: 'Company';
  contentType: Scalars['String']['output'];
  id?: Maybe<Scalars['ID']['output']>;
  logo?: Maybe<ImageObjectType>;
  name: Scalars['String']['output'];
  slug: Scalars['String']['output'];
  snippetType: Scalars['String']['output'];
  website: Scalars['String']['output'];
};

export type DateBlock = StreamFieldInterface & {
  __typename?: 'DateBlock';
  blockType: Scalars['String']['output'];
  field: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
  value: Scalars['String']['output'];
};


export type DateBlockValueArgs = {
  format?: InputMaybe<Scalars['String']['input']>;
};

export type DateTimeBlock = StreamFieldInterface & {
  __typename?: 'DateTimeBlock';
  blockType: Scalars['String']['output'];
  field: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
  value: Scalars['String']['output'];
};


export type DateTimeBlockValueArgs = {
  format?: InputMaybe<Scalars['String']['input']>;
};

/** A day in the role, as ordered moments from morning to end of day. */
export type DayInTheLifeBlock = StreamFieldInterface & {
  __typename?: 'DayInTheLifeBlock';
  blockType: Scalars['String']['output'];
  field: Scalars['String']['output'];
  heading: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
  moments: Array<MomentBlock>;
};

export type DecimalBlock = StreamFieldInterface & {
  __typename?: 'DecimalBlock';
  blockType: Scalars['String']['output'];
  field: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
  value: Scalars['Float']['output'];
};

export type DocumentChooserBlock = StreamFieldInterface & {
  __typename?: 'DocumentChooserBlock';
  blockType: Scalars['String']['output'];
  document?: Maybe<DocumentObjectType>;
  field: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
};

/**
 * Base document type used if one isn't generated for the current model.
 * All other node types extend this.
 */
export type DocumentObjectType = {
  __typename?: 'DocumentObjectType';
  collection: CollectionObjectType;
  createdAt: Scalars['DateTime']['output'];
  file: Scalars['String']['output'];
  fileHash: Scalars['String']['output'];
  fileSize?: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  tags: Array<TagObjectType>;
  title: Scalars['String']['output'];
  url: Scalars['String']['output'];
};

export type EmailBlock = StreamFieldInterface & {
  __typename?: 'EmailBlock';
  blockType: Scalars['String']['output'];
  field: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
  value: Scalars['String']['output'];
};

export type EmbedBlock = StreamFieldInterface & {
  __typename?: 'EmbedBlock';
  blockType: Scalars['String']['output'];
  embed?: Maybe<Scalars['String']['output']>;
  field: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
  rawEmbed?: Maybe<Scalars['JSONString']['output']>;
  url: Scalars['String']['output'];
  value: Scalars['String']['output'];
};

/** Frequently asked questions, chosen from the shared FAQ entries. */
export type FaqBlock = StreamFieldInterface & {
  __typename?: 'FaqBlock';
  blockType: Scalars['String']['output'];
  /** Published entries only; drafts never appear. */
  entries: Array<FaqEntry>;
  field: Scalars['String']['output'];
  heading: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
};

export type FaqEntry = SnippetInterface & {
  __typename?: 'FaqEntry';
  answer: Scalars['RichText']['output'];
  contentType: Scalars['String']['output'];
  id?: Maybe<Scalars['ID']['output']>;
  question: Scalars['String']['output'];
  snippetType: Scalars['String']['output'];
  topic: Scalars['String']['output'];
};

/** One page of published FAQ entries, with totals for pagination. */
export type FaqEntryListing = {
  __typename?: 'FaqEntryListing';
  items: Array<FaqEntry>;
  pagination: PaginationType;
};

export type FloatBlock = StreamFieldInterface & {
  __typename?: 'FloatBlock';
  blockType: Scalars['String']['output'];
  field: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
  value: Scalars['Float']['output'];
};

export type GuideSalary = {
  __typename?: 'GuideSalary';
  id?: Maybe<Scalars['ID']['output']>;
};

export type GuideSkill = {
  __typename?: 'GuideSkill';
  id?: Maybe<Scalars['ID']['output']>;
};

export type GuideTool = {
  __typename?: 'GuideTool';
  id?: Maybe<Scalars['ID']['output']>;
};

export type HomePage = PageInterface & {
  __typename?: 'HomePage';
  ancestors: Array<PageInterface>;
  children: Array<PageInterface>;
  contentType: Scalars['String']['output'];
  depth?: Maybe<Scalars['Int']['output']>;
  descendants: Array<PageInterface>;
  firstPublishedAt?: Maybe<Scalars['DateTime']['output']>;
  id?: Maybe<Scalars['ID']['output']>;
  intro: Scalars['String']['output'];
  lastPublishedAt?: Maybe<Scalars['DateTime']['output']>;
  live: Scalars['Boolean']['output'];
  nextSiblings: Array<PageInterface>;
  pageType?: Maybe<Scalars['String']['output']>;
  parent?: Maybe<PageInterface>;
  previousSiblings: Array<PageInterface>;
  searchDescription?: Maybe<Scalars['String']['output']>;
  seo: Seo;
  seoTitle: Scalars['String']['output'];
  showInMenus: Scalars['Boolean']['output'];
  siblings: Array<PageInterface>;
  /** The page's path on its site, e.g. '/roles/mlops-engineer-2026/': what a frontend routes on, and what `page(urlPath:)` and `roleGuide(urlPath:)` take. Null for a page outside every site. */
  sitePath?: Maybe<Scalars['String']['output']>;
  slug: Scalars['String']['output'];
  title: Scalars['String']['output'];
  translationKey: Scalars['UUID']['output'];
  url?: Maybe<Scalars['String']['output']>;
  /** @deprecated Wagtail's tree path, with the site root's slug ('/home/roles/…/'): use `sitePath`. Still accepted by `urlPath` arguments. */
  urlPath: Scalars['String']['output'];
};


export type HomePageAncestorsArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  inMenu?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
};


export type HomePageChildrenArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  inMenu?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
};


export type HomePageDescendantsArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  inMenu?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
};


export type HomePageNextSiblingsArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  inMenu?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
};


export type HomePagePreviousSiblingsArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  inMenu?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
};


export type HomePageSiblingsArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  inMenu?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
};

export type ImageBlock = StreamFieldInterface & {
  __typename?: 'ImageBlock';
  altText?: Maybe<Scalars['String']['output']>;
  blockType: Scalars['String']['output'];
  decorative?: Maybe<Scalars['Boolean']['output']>;
  field: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
  image?: Maybe<ImageObjectType>;
};

export type ImageChooserBlock = StreamFieldInterface & {
  __typename?: 'ImageChooserBlock';
  blockType: Scalars['String']['output'];
  field: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
  image?: Maybe<ImageObjectType>;
};

export type ImageObjectType = {
  __typename?: 'ImageObjectType';
  aspectRatio: Scalars['Float']['output'];
  collection: CollectionObjectType;
  createdAt: Scalars['DateTime']['output'];
  description: Scalars['String']['output'];
  file: Scalars['String']['output'];
  fileHash: Scalars['String']['output'];
  fileSize?: Maybe<Scalars['Int']['output']>;
  focalPointHeight?: Maybe<Scalars['Int']['output']>;
  focalPointWidth?: Maybe<Scalars['Int']['output']>;
  focalPointX?: Maybe<Scalars['Int']['output']>;
  focalPointY?: Maybe<Scalars['Int']['output']>;
  height: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  isSvg: Scalars['Boolean']['output'];
  /** One rendition. Allowed by default: `fill: "1200x630"`, or `width` from the srcSet widths; either optionally with `format: "webp"`. */
  rendition?: Maybe<ImageRenditionObjectType>;
  renditions: Array<ImageRenditionObjectType>;
  sizes: Scalars['String']['output'];
  /** @deprecated Use the `url` attribute */
  src: Scalars['String']['output'];
  /** A srcset of renditions. `sizes`: 1 to 5 widths from the allowed list (by default 320, 640, 960, 1280, 1920); `format`: "webp", or none for the original's. Widths past the original's are left out, except the first, made at the original's width. */
  srcSet?: Maybe<Scalars['String']['output']>;
  tags: Array<TagObjectType>;
  title: Scalars['String']['output'];
  url: Scalars['String']['output'];
  width: Scalars['Int']['output'];
};


export type ImageObjectTypeRenditionArgs = {
  bgcolor?: InputMaybe<Scalars['String']['input']>;
  fill?: InputMaybe<Scalars['String']['input']>;
  format?: InputMaybe<Scalars['String']['input']>;
  height?: InputMaybe<Scalars['Int']['input']>;
  jpegquality?: InputMaybe<Scalars['Int']['input']>;
  max?: InputMaybe<Scalars['String']['input']>;
  min?: InputMaybe<Scalars['String']['input']>;
  preserveSvg?: InputMaybe<Scalars['Boolean']['input']>;
  webpquality?: InputMaybe<Scalars['Int']['input']>;
  width?: InputMaybe<Scalars['Int']['input']>;
};


export type ImageObjectTypeSrcSetArgs = {
  format?: InputMaybe<Scalars['String']['input']>;
  preserveSvg?: InputMaybe<Scalars['Boolean']['input']>;
  sizes?: InputMaybe<Array<InputMaybe<Scalars['Int']['input']>>>;
};

export type ImageRenditionObjectType = {
  __typename?: 'ImageRenditionObjectType';
  alt: Scalars['String']['output'];
  backgroundPositionStyle: Scalars['String']['output'];
  file: Scalars['String']['output'];
  filterSpec: Scalars['String']['output'];
  focalPoint?: Maybe<Scalars['String']['output']>;
  focalPointKey: Scalars['String']['output'];
  height: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  image: ImageObjectType;
  url: Scalars['String']['output'];
  width: Scalars['Int']['output'];
};

export type IntegerBlock = StreamFieldInterface & {
  __typename?: 'IntegerBlock';
  blockType: Scalars['String']['output'];
  field: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
  value: Scalars['Int']['output'];
};

export type ListBlock = StreamFieldInterface & {
  __typename?: 'ListBlock';
  blockType: Scalars['String']['output'];
  field: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
  items: Array<StreamFieldInterface>;
};

/** One part of a working day, e.g. the morning, told as a short narrative. */
export type MomentBlock = StreamFieldInterface & {
  __typename?: 'MomentBlock';
  blockType: Scalars['String']['output'];
  field: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
  label: Scalars['String']['output'];
  narrative: Scalars['String']['output'];
};

/**
 * Base Page type used if one isn't generated for the current model.
 * All other node types extend this.
 */
export type Page = PageInterface & {
  __typename?: 'Page';
  ancestors: Array<PageInterface>;
  children: Array<PageInterface>;
  contentType: Scalars['String']['output'];
  depth?: Maybe<Scalars['Int']['output']>;
  descendants: Array<PageInterface>;
  firstPublishedAt?: Maybe<Scalars['DateTime']['output']>;
  id?: Maybe<Scalars['ID']['output']>;
  lastPublishedAt?: Maybe<Scalars['DateTime']['output']>;
  live: Scalars['Boolean']['output'];
  nextSiblings: Array<PageInterface>;
  pageType?: Maybe<Scalars['String']['output']>;
  parent?: Maybe<PageInterface>;
  previousSiblings: Array<PageInterface>;
  searchDescription?: Maybe<Scalars['String']['output']>;
  seoTitle: Scalars['String']['output'];
  showInMenus: Scalars['Boolean']['output'];
  siblings: Array<PageInterface>;
  /** The page's path on its site, e.g. '/roles/mlops-engineer-2026/': what a frontend routes on, and what `page(urlPath:)` and `roleGuide(urlPath:)` take. Null for a page outside every site. */
  sitePath?: Maybe<Scalars['String']['output']>;
  slug: Scalars['String']['output'];
  title: Scalars['String']['output'];
  translationKey: Scalars['UUID']['output'];
  url?: Maybe<Scalars['String']['output']>;
  /** @deprecated Wagtail's tree path, with the site root's slug ('/home/roles/…/'): use `sitePath`. Still accepted by `urlPath` arguments. */
  urlPath: Scalars['String']['output'];
};


/**
 * Base Page type used if one isn't generated for the current model.
 * All other node types extend this.
 */
export type PageAncestorsArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  inMenu?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Base Page type used if one isn't generated for the current model.
 * All other node types extend this.
 */
export type PageChildrenArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  inMenu?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Base Page type used if one isn't generated for the current model.
 * All other node types extend this.
 */
export type PageDescendantsArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  inMenu?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Base Page type used if one isn't generated for the current model.
 * All other node types extend this.
 */
export type PageNextSiblingsArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  inMenu?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Base Page type used if one isn't generated for the current model.
 * All other node types extend this.
 */
export type PagePreviousSiblingsArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  inMenu?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Base Page type used if one isn't generated for the current model.
 * All other node types extend this.
 */
export type PageSiblingsArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  inMenu?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
};

export type PageChooserBlock = StreamFieldInterface & {
  __typename?: 'PageChooserBlock';
  blockType: Scalars['String']['output'];
  field: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
  page?: Maybe<PageInterface>;
};

/** Where a page ends, for the next one: pass `endCursor` as `after`. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the page's last item; null if empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more items follow. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** A page of the site. Every page served is live and public. */
export type PageInterface = {
  ancestors: Array<PageInterface>;
  children: Array<PageInterface>;
  contentType: Scalars['String']['output'];
  depth?: Maybe<Scalars['Int']['output']>;
  descendants: Array<PageInterface>;
  firstPublishedAt?: Maybe<Scalars['DateTime']['output']>;
  id?: Maybe<Scalars['ID']['output']>;
  lastPublishedAt?: Maybe<Scalars['DateTime']['output']>;
  live: Scalars['Boolean']['output'];
  nextSiblings: Array<PageInterface>;
  pageType?: Maybe<Scalars['String']['output']>;
  parent?: Maybe<PageInterface>;
  previousSiblings: Array<PageInterface>;
  searchDescription?: Maybe<Scalars['String']['output']>;
  seoTitle: Scalars['String']['output'];
  showInMenus: Scalars['Boolean']['output'];
  siblings: Array<PageInterface>;
  /** The page's path on its site, e.g. '/roles/mlops-engineer-2026/': what a frontend routes on, and what `page(urlPath:)` and `roleGuide(urlPath:)` take. Null for a page outside every site. */
  sitePath?: Maybe<Scalars['String']['output']>;
  slug: Scalars['String']['output'];
  title: Scalars['String']['output'];
  url?: Maybe<Scalars['String']['output']>;
  /** @deprecated Wagtail's tree path, with the site root's slug ('/home/roles/…/'): use `sitePath`. Still accepted by `urlPath` arguments. */
  urlPath: Scalars['String']['output'];
};


/** A page of the site. Every page served is live and public. */
export type PageInterfaceAncestorsArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  inMenu?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
};


/** A page of the site. Every page served is live and public. */
export type PageInterfaceChildrenArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  inMenu?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
};


/** A page of the site. Every page served is live and public. */
export type PageInterfaceDescendantsArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  inMenu?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
};


/** A page of the site. Every page served is live and public. */
export type PageInterfaceNextSiblingsArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  inMenu?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
};


/** A page of the site. Every page served is live and public. */
export type PageInterfacePreviousSiblingsArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  inMenu?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
};


/** A page of the site. Every page served is live and public. */
export type PageInterfaceSiblingsArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  inMenu?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
};

/** GraphQL type for Paginated QuerySet pagination field. */
export type PaginationType = {
  __typename?: 'PaginationType';
  count: Scalars['PositiveInt']['output'];
  currentPage: Scalars['PositiveInt']['output'];
  nextPage?: Maybe<Scalars['PositiveInt']['output']>;
  perPage: Scalars['PositiveInt']['output'];
  prevPage?: Maybe<Scalars['PositiveInt']['output']>;
  total: Scalars['PositiveInt']['output'];
  totalPages: Scalars['PositiveInt']['output'];
};

/**
 * Which pay of a salary row a change compares: its base salary, or its monthly intern
 * pay when it has no base salary.
 */
export type PayKind =
  /** The annual base salary (`baseSalaryMin`, `baseSalaryMax`). */
  | 'BASE_SALARY'
  /** The monthly intern pay (`internMonthlyMin`, `internMonthlyMax`). */
  | 'INTERN_PAY';

export type Query = {
  __typename?: 'Query';
  /** Every category, by name. */
  categories: Array<Category>;
  collections: Array<Maybe<CollectionObjectType>>;
  /** Every company, by name, with its logo. */
  companies: Array<Company>;
  /** One company by slug; null when none matches. */
  company?: Maybe<Company>;
  document?: Maybe<DocumentObjectType>;
  documentType: Scalars['String']['output'];
  documents: Array<DocumentObjectType>;
  /** Published FAQ entries, by question. */
  faqEntries: Array<FaqEntry>;
  /** One published FAQ entry. Null for an unknown or unpublished id. */
  faqEntry?: Maybe<FaqEntry>;
  /** Published FAQ entries, by question, paginated. */
  faqEntryListing: FaqEntryListing;
  image?: Maybe<ImageObjectType>;
  imageType: Scalars['String']['output'];
  images: Array<ImageObjectType>;
  page?: Maybe<PageInterface>;
  pages: Array<PageInterface>;
  /** Redirects to URLs or to live, public pages, one per site they apply to. */
  redirects: Array<Redirect>;
  /** One live role guide, by slug or by URL path. Null when none matches. */
  roleGuide?: Maybe<RoleGuidePage>;
  /** Live role guides, filtered, ordered and paginated. */
  roleGuides: RoleGuideListing;
  /** One level's annual base salary across live role guides, best paid first (by midpoint): 'best-paid entry-level roles'. Each guide's first salary table. */
  salaryComparison: SalaryComparison;
  /** Full-text search over live, public pages and published snippets, best first. */
  search: Array<Search>;
  /** Full-text search, best first, paginated with the number of matches. */
  searchListing: SearchListing;
  setting?: Maybe<SettingsObjectType>;
  settings: Array<SettingsObjectType>;
  site?: Maybe<SiteObjectType>;
  /** Live, public pages not marked no-index, with their last change, by tree path. */
  sitemap: Array<SitemapEntry>;
  /** The sitemap split into sitemaps of `size` entries, each with the cursor that starts it and its last change, for a sitemap index file. */
  sitemapIndex: SitemapIndex;
  /** The sitemap's entries, paginated, with the total number of pages. */
  sitemapListing: SitemapListing;
  sites: Array<SiteObjectType>;
  /** Published snippets, by type then id, paginated. */
  snippetListing: SnippetListing;
  /** Published snippets (drafts are never listed), by type then id. */
  snippets: Array<SnippetInterface>;
  tag?: Maybe<TagObjectType>;
  tags: Array<TagObjectType>;
  /** Every tool, by name. */
  tools: Array<Tool>;
};


export type QueryCategoriesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryCollectionsArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
};


export type QueryCompaniesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryCompanyArgs = {
  slug: Scalars['String']['input'];
};


export type QueryDocumentArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryDocumentsArgs = {
  collection?: InputMaybe<Scalars['ID']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
};


export type QueryFaqEntriesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  topic?: InputMaybe<Scalars['String']['input']>;
};


export type QueryFaqEntryArgs = {
  id: Scalars['ID']['input'];
};


export type QueryFaqEntryListingArgs = {
  page?: InputMaybe<Scalars['Int']['input']>;
  perPage?: InputMaybe<Scalars['Int']['input']>;
  topic?: InputMaybe<Scalars['String']['input']>;
};


export type QueryImageArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryImagesArgs = {
  collection?: InputMaybe<Scalars['ID']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
};


export type QueryPageArgs = {
  contentType?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  inSite?: InputMaybe<Scalars['Boolean']['input']>;
  site?: InputMaybe<Scalars['String']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
  token?: InputMaybe<Scalars['String']['input']>;
  urlPath?: InputMaybe<Scalars['String']['input']>;
};


export type QueryPagesArgs = {
  ancestor?: InputMaybe<Scalars['ID']['input']>;
  contentType?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  inMenu?: InputMaybe<Scalars['Boolean']['input']>;
  inSite?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  parent?: InputMaybe<Scalars['ID']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
  site?: InputMaybe<Scalars['String']['input']>;
};


export type QueryRedirectsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryRoleGuideArgs = {
  slug?: InputMaybe<Scalars['String']['input']>;
  urlPath?: InputMaybe<Scalars['String']['input']>;
};


export type QueryRoleGuidesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  category?: InputMaybe<Scalars['String']['input']>;
  latestEditionOnly?: InputMaybe<Scalars['Boolean']['input']>;
  order?: InputMaybe<RoleGuideOrder>;
  page?: InputMaybe<Scalars['Int']['input']>;
  perPage?: InputMaybe<Scalars['Int']['input']>;
  skill?: InputMaybe<Scalars['String']['input']>;
  tool?: InputMaybe<Scalars['String']['input']>;
  year?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySalaryComparisonArgs = {
  category?: InputMaybe<Scalars['String']['input']>;
  currency?: InputMaybe<Scalars['String']['input']>;
  level: Scalars['String']['input'];
  page?: InputMaybe<Scalars['Int']['input']>;
  perPage?: InputMaybe<Scalars['Int']['input']>;
  year?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySearchArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  query?: InputMaybe<Scalars['String']['input']>;
};


export type QuerySearchListingArgs = {
  category?: InputMaybe<Scalars['String']['input']>;
  page?: InputMaybe<Scalars['Int']['input']>;
  perPage?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
  type?: InputMaybe<Array<Scalars['String']['input']>>;
  year?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySettingArgs = {
  name?: InputMaybe<Scalars['String']['input']>;
  site?: InputMaybe<Scalars['String']['input']>;
};


export type QuerySettingsArgs = {
  name?: InputMaybe<Scalars['String']['input']>;
  site?: InputMaybe<Scalars['String']['input']>;
};


export type QuerySiteArgs = {
  hostname?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
};


export type QuerySitemapArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySitemapIndexArgs = {
  size?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySitemapListingArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  page?: InputMaybe<Scalars['Int']['input']>;
  perPage?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySitesArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  isDefaultSite?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
};


export type QuerySnippetListingArgs = {
  page?: InputMaybe<Scalars['Int']['input']>;
  perPage?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySnippetsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryTagArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryTagsArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
};


export type QueryToolsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};

export type RawHtmlBlock = StreamFieldInterface & {
  __typename?: 'RawHTMLBlock';
  blockType: Scalars['String']['output'];
  field: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
  value: Scalars['String']['output'];
};

export type Redirect = {
  __typename?: 'Redirect';
  isPermanent: Scalars['Boolean']['output'];
  newUrl?: Maybe<Scalars['String']['output']>;
  oldPath: Scalars['String']['output'];
  oldUrl: Scalars['String']['output'];
  page?: Maybe<PageInterface>;
  site: SiteObjectType;
};

export type RegexBlock = StreamFieldInterface & {
  __typename?: 'RegexBlock';
  blockType: Scalars['String']['output'];
  field: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
  value: Scalars['String']['output'];
};

export type RichTextBlock = StreamFieldInterface & {
  __typename?: 'RichTextBlock';
  blockType: Scalars['String']['output'];
  field: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
  value: Scalars['String']['output'];
};

/** One page of role guides, with totals for pagination. */
export type RoleGuideListing = {
  __typename?: 'RoleGuideListing';
  items: Array<RoleGuidePage>;
  /** The cursor to pass as `after` for the next page (keyset: as fast at any depth as page 1). */
  pageInfo: PageInfo;
  pagination: PaginationType;
};

/** How a listing of role guides is sorted. */
export type RoleGuideOrder =
  | 'NEWEST'
  | 'OLDEST'
  | 'TITLE'
  | 'TITLE_DESC'
  | 'YEAR'
  | 'YEAR_DESC';

export type RoleGuidePage = PageInterface & {
  __typename?: 'RoleGuidePage';
  ancestors: Array<PageInterface>;
  /** The guide's sections; each block is its own type. */
  body: Array<StreamFieldInterface>;
  category?: Maybe<Category>;
  children: Array<PageInterface>;
  contentType: Scalars['String']['output'];
  depth?: Maybe<Scalars['Int']['output']>;
  descendants: Array<PageInterface>;
  /** Every live edition of this guide's role (the same `roleSlug`), this guide included, newest year first (on the same year, the older page first). One a year: at most 101. */
  editions: Array<RoleGuidePage>;
  firstPublishedAt?: Maybe<Scalars['DateTime']['output']>;
  heroImage?: Maybe<ImageObjectType>;
  id?: Maybe<Scalars['ID']['output']>;
  intro: Scalars['String']['output'];
  lastPublishedAt?: Maybe<Scalars['DateTime']['output']>;
  live: Scalars['Boolean']['output'];
  nextSiblings: Array<PageInterface>;
  pageType?: Maybe<Scalars['String']['output']>;
  parent?: Maybe<PageInterface>;
  /** The edition this guide was started from when it is live, else the newest live edition of the role from an earlier year; null when there is none. */
  previousEdition?: Maybe<RoleGuidePage>;
  previousSiblings: Array<PageInterface>;
  roleName: Scalars['String']['output'];
  /** The role every edition of this guide shares, e.g. 'mlops-engineer'. */
  roleSlug: Scalars['String']['output'];
  searchDescription?: Maybe<Scalars['String']['output']>;
  seo: Seo;
  seoTitle: Scalars['String']['output'];
  showInMenus: Scalars['Boolean']['output'];
  siblings: Array<PageInterface>;
  /** The page's path on its site, e.g. '/roles/mlops-engineer-2026/': what a frontend routes on, and what `page(urlPath:)` and `roleGuide(urlPath:)` take. Null for a page outside every site. */
  sitePath?: Maybe<Scalars['String']['output']>;
  slug: Scalars['String']['output'];
  title: Scalars['String']['output'];
  translationKey: Scalars['UUID']['output'];
  url?: Maybe<Scalars['String']['output']>;
  /** @deprecated Wagtail's tree path, with the site root's slug ('/home/roles/…/'): use `sitePath`. Still accepted by `urlPath` arguments. */
  urlPath: Scalars['String']['output'];
  year: Scalars['Int']['output'];
};


export type RoleGuidePageAncestorsArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  inMenu?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
};


export type RoleGuidePageChildrenArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  inMenu?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
};


export type RoleGuidePageDescendantsArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  inMenu?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
};


export type RoleGuidePageNextSiblingsArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  inMenu?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
};


export type RoleGuidePagePreviousSiblingsArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  inMenu?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
};


export type RoleGuidePageSiblingsArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  inMenu?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
};

export type RoleIndexPage = PageInterface & {
  __typename?: 'RoleIndexPage';
  ancestors: Array<PageInterface>;
  children: Array<PageInterface>;
  contentType: Scalars['String']['output'];
  depth?: Maybe<Scalars['Int']['output']>;
  descendants: Array<PageInterface>;
  firstPublishedAt?: Maybe<Scalars['DateTime']['output']>;
  id?: Maybe<Scalars['ID']['output']>;
  intro: Scalars['String']['output'];
  lastPublishedAt?: Maybe<Scalars['DateTime']['output']>;
  live: Scalars['Boolean']['output'];
  nextSiblings: Array<PageInterface>;
  pageType?: Maybe<Scalars['String']['output']>;
  parent?: Maybe<PageInterface>;
  previousSiblings: Array<PageInterface>;
  searchDescription?: Maybe<Scalars['String']['output']>;
  seo: Seo;
  seoTitle: Scalars['String']['output'];
  showInMenus: Scalars['Boolean']['output'];
  siblings: Array<PageInterface>;
  /** The page's path on its site, e.g. '/roles/mlops-engineer-2026/': what a frontend routes on, and what `page(urlPath:)` and `roleGuide(urlPath:)` take. Null for a page outside every site. */
  sitePath?: Maybe<Scalars['String']['output']>;
  slug: Scalars['String']['output'];
  title: Scalars['String']['output'];
  translationKey: Scalars['UUID']['output'];
  url?: Maybe<Scalars['String']['output']>;
  /** @deprecated Wagtail's tree path, with the site root's slug ('/home/roles/…/'): use `sitePath`. Still accepted by `urlPath` arguments. */
  urlPath: Scalars['String']['output'];
};


export type RoleIndexPageAncestorsArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  inMenu?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
};


export type RoleIndexPageChildrenArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  inMenu?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
};


export type RoleIndexPageDescendantsArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  inMenu?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
};


export type RoleIndexPageNextSiblingsArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  inMenu?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
};


export type RoleIndexPagePreviousSiblingsArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  inMenu?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
};


export type RoleIndexPageSiblingsArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  inMenu?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
};

/**
 * How a salary row's pay changed since the guide's previous edition (the same level in
 * the same-position salary table), in % of the previous figure, to one decimal: +8.0 is
 * "+8% vs 2026".
 */
export type SalaryChange = {
  __typename?: 'SalaryChange';
  /** The change of the upper end; null when either is empty. */
  max?: Maybe<Scalars['Float']['output']>;
  /** The change of the lower end; null when either is empty. */
  min?: Maybe<Scalars['Float']['output']>;
  /** Which pay is compared. */
  pay: PayKind;
  /** The previous edition's year. */
  previousYear: Scalars['Int']['output'];
};

/** One page of a salary comparison, with totals for pagination. */
export type SalaryComparison = {
  __typename?: 'SalaryComparison';
  items: Array<SalaryComparisonRow>;
  pagination: PaginationType;
};

/**
 * One level of one guide's pay (the first salary table's row), in its own currency:
 * amounts are never converted.
 */
export type SalaryComparisonRow = {
  __typename?: 'SalaryComparisonRow';
  /** Annual base salary, upper end. */
  baseSalaryMax?: Maybe<Scalars['Int']['output']>;
  /** Annual base salary, lower end. */
  baseSalaryMin?: Maybe<Scalars['Int']['output']>;
  /** ISO 4217 code of the amounts. */
  currency?: Maybe<Scalars['String']['output']>;
  /** The role guide. */
  guide: RoleGuidePage;
  /** The level as the guide names it. */
  level: Scalars['String']['output'];
  /** Between the two ends (rounded down), or the one end given: the order. */
  midpoint: Scalars['Int']['output'];
};

/**
 * One level of a salary table: amounts as integers, ranges as min/max, plus display strings.
 *
 * An empty amount is null; a display string is null when both ends of its range are empty.
 */
export type SalaryRow = {
  __typename?: 'SalaryRow';
  /** e.g. '$125,000–$175,000'. */
  baseSalaryDisplay?: Maybe<Scalars['String']['output']>;
  /** Annual base salary, upper end. */
  baseSalaryMax?: Maybe<Scalars['Int']['output']>;
  /** Annual base salary, lower end. */
  baseSalaryMin?: Maybe<Scalars['Int']['output']>;
  /** This row's pay against the same level of the guide's `previousEdition`; null when there is no previous edition, no such level, or it is in another currency or another kind of pay. */
  changeFromPreviousEdition?: Maybe<SalaryChange>;
  /** ISO 4217 code of every amount in the row. */
  currency?: Maybe<Scalars['String']['output']>;
  /** e.g. '+20–40%'. */
  equityBonusDisplay?: Maybe<Scalars['String']['output']>;
  equityBonusPercentMax?: Maybe<Scalars['Int']['output']>;
  equityBonusPercentMin?: Maybe<Scalars['Int']['output']>;
  /** e.g. '0–2 yrs'. */
  experienceDisplay?: Maybe<Scalars['String']['output']>;
  experienceMaxYears?: Maybe<Scalars['Int']['output']>;
  experienceMinYears?: Maybe<Scalars['Int']['output']>;
  /** e.g. '$8,000–$12,000/mo'. */
  internMonthlyDisplay?: Maybe<Scalars['String']['output']>;
  /** Monthly intern pay, upper end. */
  internMonthlyMax?: Maybe<Scalars['Int']['output']>;
  /** Monthly intern pay, lower end. */
  internMonthlyMin?: Maybe<Scalars['Int']['output']>;
  /** e.g. 'Entry-Level'. */
  level: Scalars['String']['output'];
  /** The level with its experience, e.g. 'Entry-Level (0–2 yrs)'. */
  levelDisplay: Scalars['String']['output'];
};

/** Pay by level in one currency, with where the figures come from and when. */
export type SalaryTableBlock = StreamFieldInterface & {
  __typename?: 'SalaryTableBlock';
  asOfYear?: Maybe<Scalars['Int']['output']>;
  blockType: Scalars['String']['output'];
  currency?: Maybe<Scalars['String']['output']>;
  field: Scalars['String']['output'];
  heading: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
  rows: Array<SalaryRow>;
  sourceNote: Scalars['String']['output'];
};

export type Search = Category | Company | FaqEntry | GuideSalary | GuideSkill | GuideTool | HomePage | Page | RoleGuidePage | RoleIndexPage | SeoSettings | Tool;

/** One page of search results, best first, with totals for pagination. */
export type SearchListing = {
  __typename?: 'SearchListing';
  items: Array<Search>;
  pagination: PaginationType;
};

/** Enum for search operator. */
export type SearchOperatorEnum =
  | 'AND'
  | 'OR';

/** A heading and rich text, e.g. 'What does an MLOps engineer do?'. */
export type SectionBlock = StreamFieldInterface & {
  __typename?: 'SectionBlock';
  blockType: Scalars['String']['output'];
  body: Scalars['RichText']['output'];
  field: Scalars['String']['output'];
  heading: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
};

/** What a frontend puts in <head>: final values, after every fallback. */
export type Seo = {
  __typename?: 'Seo';
  /** Canonical URL, else the page's URL on the frontend. */
  canonicalUrl: Scalars['String']['output'];
  /** Search description, else the intro as plain text cut near 155 characters. */
  description: Scalars['String']['output'];
  /** Social image, else the hero image, else the site's default. May be null. */
  image?: Maybe<ImageObjectType>;
  /** True: add a noindex robots tag. */
  noIndex: Scalars['Boolean']['output'];
  siteName: Scalars['String']['output'];
  /** The page's JSON-LD (schema.org), generated from its content; `<`, `>`, `&`, U+2028 and U+2029 are escaped, so it can be inlined in a <script> element. */
  structuredData: Scalars['JSONString']['output'];
  /** SEO title, else the page title. */
  title: Scalars['String']['output'];
};

export type SeoSettings = {
  __typename?: 'SeoSettings';
  defaultSocialImage?: Maybe<ImageObjectType>;
  id?: Maybe<Scalars['ID']['output']>;
  siteName: Scalars['String']['output'];
};

export type SettingsObjectType = SeoSettings;

export type SiteObjectType = {
  __typename?: 'SiteObjectType';
  hostname: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** If true, this site will handle requests for all other hostnames that do not have a site entry of their own */
  isDefaultSite: Scalars['Boolean']['output'];
  page?: Maybe<PageInterface>;
  pages: Array<PageInterface>;
  /** Set this to something other than 80 if you need a specific port number to appear in URLs (e.g. development on port 8000). Does not affect request handling (so port forwarding still works). */
  port: Scalars['Int']['output'];
  /** The site's root page; null unless it is live and public. */
  rootPage?: Maybe<Page>;
  seosettings?: Maybe<SeoSettings>;
  /** Human-readable name for the site. */
  siteName: Scalars['String']['output'];
};


export type SiteObjectTypePageArgs = {
  contentType?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
  token?: InputMaybe<Scalars['String']['input']>;
  urlPath?: InputMaybe<Scalars['String']['input']>;
};


export type SiteObjectTypePagesArgs = {
  contentType?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  inMenu?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['PositiveInt']['input']>;
  offset?: InputMaybe<Scalars['PositiveInt']['input']>;
  order?: InputMaybe<Scalars['String']['input']>;
  searchOperator?: InputMaybe<SearchOperatorEnum>;
  searchQuery?: InputMaybe<Scalars['String']['input']>;
};

/** One sitemap of the index: read it with `sitemapListing(after: …)` for `count` entries. */
export type SitemapChunk = {
  __typename?: 'SitemapChunk';
  /** Pass as `sitemapListing(after:)` to start at this sitemap's first entry (null for the first sitemap). */
  after?: Maybe<Scalars['String']['output']>;
  /** How many entries it holds. */
  count: Scalars['Int']['output'];
  /** Its newest entry's change. */
  lastModified: Scalars['DateTime']['output'];
  /** From 1, in tree-path order. */
  number: Scalars['Int']['output'];
};

/** One live, public, indexable page, for a frontend's sitemap.xml. */
export type SitemapEntry = {
  __typename?: 'SitemapEntry';
  lastModified: Scalars['DateTime']['output'];
  /** Path relative to the site root. */
  path: Scalars['String']['output'];
  /** Absolute URL on the frontend. */
  url: Scalars['String']['output'];
};

/** The sitemaps that together list every sitemap entry (a sitemaps.org index). */
export type SitemapIndex = {
  __typename?: 'SitemapIndex';
  /** In order; at most 1,000 (a smaller `size` is refused beyond). */
  sitemaps: Array<SitemapChunk>;
  /** Entries in all the sitemaps. */
  total: Scalars['Int']['output'];
};

/** One page of sitemap entries, by tree path, with totals for pagination. */
export type SitemapListing = {
  __typename?: 'SitemapListing';
  items: Array<SitemapEntry>;
  /** The cursor to pass as `after` for the next page. */
  pageInfo: PageInfo;
  pagination: PaginationType;
};

/** One skill and the tools a practitioner uses for it. */
export type SkillBlock = StreamFieldInterface & {
  __typename?: 'SkillBlock';
  blockType: Scalars['String']['output'];
  field: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  tools: Array<Tool>;
};

/** A list of skills, each with the tools behind it. */
export type SkillsListBlock = StreamFieldInterface & {
  __typename?: 'SkillsListBlock';
  blockType: Scalars['String']['output'];
  field: Scalars['String']['output'];
  heading: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
  skills: Array<SkillBlock>;
};

export type SnippetChooserBlock = StreamFieldInterface & {
  __typename?: 'SnippetChooserBlock';
  blockType: Scalars['String']['output'];
  field: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
  snippet?: Maybe<SnippetInterface>;
};

export type SnippetInterface = {
  contentType: Scalars['String']['output'];
  snippetType: Scalars['String']['output'];
};

/** One page of published snippets, with totals for pagination. */
export type SnippetListing = {
  __typename?: 'SnippetListing';
  items: Array<SnippetInterface>;
  pagination: PaginationType;
};

export type StaticBlock = StreamFieldInterface & {
  __typename?: 'StaticBlock';
  blockType: Scalars['String']['output'];
  field: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
  value: Scalars['String']['output'];
};

export type StreamBlock = StreamFieldInterface & {
  __typename?: 'StreamBlock';
  blockType: Scalars['String']['output'];
  blocks: Array<StreamFieldInterface>;
  field: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
};

export type StreamFieldBlock = StreamFieldInterface & {
  __typename?: 'StreamFieldBlock';
  blockType: Scalars['String']['output'];
  field: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
  value: Scalars['String']['output'];
};

export type StreamFieldInterface = {
  blockType: Scalars['String']['output'];
  field: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
};

export type StructBlock = StreamFieldInterface & {
  __typename?: 'StructBlock';
  blockType: Scalars['String']['output'];
  blocks: Array<StreamFieldInterface>;
  field: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
};

export type TagObjectType = {
  __typename?: 'TagObjectType';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

export type TextBlock = StreamFieldInterface & {
  __typename?: 'TextBlock';
  blockType: Scalars['String']['output'];
  field: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
  value: Scalars['String']['output'];
};

export type TimeBlock = StreamFieldInterface & {
  __typename?: 'TimeBlock';
  blockType: Scalars['String']['output'];
  field: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
  value: Scalars['String']['output'];
};


export type TimeBlockValueArgs = {
  format?: InputMaybe<Scalars['String']['input']>;
};

export type Tool = SnippetInterface & {
  __typename?: 'Tool';
  contentType: Scalars['String']['output'];
  id?: Maybe<Scalars['ID']['output']>;
  name: Scalars['String']['output'];
  /** The live guides whose skills use this tool, the most recently created first. */
  roleGuides: Array<RoleGuidePage>;
  slug: Scalars['String']['output'];
  snippetType: Scalars['String']['output'];
  website: Scalars['String']['output'];
};


export type ToolRoleGuidesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};

export type UrlBlock = StreamFieldInterface & {
  __typename?: 'URLBlock';
  blockType: Scalars['String']['output'];
  field: Scalars['String']['output'];
  id?: Maybe<Scalars['String']['output']>;
  value: Scalars['String']['output'];
};

/**
 * Which pay of a salary row a change compares: its base salary, or its monthly intern
 * pay when it has no base salary.
 */
export type PayKind =
  /** The annual base salary (`baseSalaryMin`, `baseSalaryMax`). */
  | 'BASE_SALARY'
  /** The monthly intern pay (`internMonthlyMin`, `internMonthlyMax`). */
  | 'INTERN_PAY';

/** How a listing of role guides is sorted. */
export type RoleGuideOrder =
  | 'NEWEST'
  | 'OLDEST'
  | 'TITLE'
  | 'TITLE_DESC'
  | 'YEAR'
  | 'YEAR_DESC';

export type FaqEntriesQueryVariables = Exact<{
  topic?: string | null | undefined;
}>;


export type FaqEntriesQuery = { faqEntries: Array<{ id: string | null, question: string, answer: string, topic: string }> };

export type PreviewPageQueryVariables = Exact<{
  token: string;
  contentType?: string | null | undefined;
}>;


export type PreviewPageQuery = { page:
    | { id: string | null, title: string }
    | { id: string | null, title: string }
    | { id: string | null, title: string, slug: string, url: string | null, roleName: string, year: number, intro: string, lastPublishedAt: string | null, category: { name: string, slug: string } | null, heroImage: { id: string, title: string, width: number, height: number, srcSet: string | null } | null, seo: { title: string, description: string, canonicalUrl: string, noIndex: boolean, siteName: string, structuredData: string, image: { id: string, title: string, rendition: { url: string, width: number, height: number } | null } | null }, body: Array<
        | { id: string | null, blockType: string }
        | { id: string | null, blockType: string }
        | { heading: string, text: string, buttonLabel: string, href: string | null, linkUrl: string | null, id: string | null, blockType: string }
        | { id: string | null, blockType: string }
        | { heading: string, id: string | null, blockType: string, levels: Array<{ title: string, summary: string }> }
        | { id: string | null, blockType: string }
        | { id: string | null, blockType: string }
        | { heading: string, id: string | null, blockType: string, companies: Array<{ name: string, slug: string, website: string, logo: { id: string, title: string } | null }> }
        | { id: string | null, blockType: string }
        | { id: string | null, blockType: string }
        | { heading: string, id: string | null, blockType: string, moments: Array<{ label: string, narrative: string }> }
        | { id: string | null, blockType: string }
        | { id: string | null, blockType: string }
        | { id: string | null, blockType: string }
        | { id: string | null, blockType: string }
        | { heading: string, id: string | null, blockType: string, entries: Array<{ id: string | null, question: string, answer: string, topic: string }> }
        | { id: string | null, blockType: string }
        | { id: string | null, blockType: string }
        | { id: string | null, blockType: string }
        | { id: string | null, blockType: string }
        | { id: string | null, blockType: string }
        | { id: string | null, blockType: string }
        | { id: string | null, blockType: string }
        | { id: string | null, blockType: string }
        | { id: string | null, blockType: string }
        | { id: string | null, blockType: string }
        | { heading: string, currency: string | null, sourceNote: string, asOfYear: number | null, id: string | null, blockType: string, rows: Array<{ level: string, levelDisplay: string, currency: string | null, experienceMinYears: number | null, experienceMaxYears: number | null, experienceDisplay: string | null, baseSalaryMin: number | null, baseSalaryMax: number | null, baseSalaryDisplay: string | null, equityBonusPercentMin: number | null, equityBonusPercentMax: number | null, equityBonusDisplay: string | null, internMonthlyMin: number | null, internMonthlyMax: number | null, internMonthlyDisplay: string | null }> }
        | { heading: string, body: string, id: string | null, blockType: string }
        | { id: string | null, blockType: string }
        | { heading: string, id: string | null, blockType: string, skills: Array<{ name: string, tools: Array<{ name: string, slug: string, website: string }> }> }
        | { id: string | null, blockType: string }
        | { id: string | null, blockType: string }
        | { id: string | null, blockType: string }
        | { id: string | null, blockType: string }
        | { id: string | null, blockType: string }
        | { id: string | null, blockType: string }
        | { id: string | null, blockType: string }
        | { id: string | null, blockType: string }
      > }
    | { id: string | null, title: string }
   | null };

export type RedirectsQueryVariables = Exact<{ [key: string]: never; }>;


export type RedirectsQuery = { redirects: Array<{ oldPath: string, oldUrl: string, newUrl: string | null, isPermanent: boolean }> };

export type RoleGuideByPathQueryVariables = Exact<{
  path: string;
}>;


export type RoleGuideByPathQuery = { roleGuide: { id: string | null, title: string, slug: string, url: string | null, roleName: string, year: number, intro: string, lastPublishedAt: string | null, category: { name: string, slug: string } | null, heroImage: { id: string, title: string, width: number, height: number, srcSet: string | null } | null, seo: { title: string, description: string, canonicalUrl: string, noIndex: boolean, siteName: string, structuredData: string, image: { id: string, title: string, rendition: { url: string, width: number, height: number } | null } | null }, body: Array<
      | { id: string | null, blockType: string }
      | { id: string | null, blockType: string }
      | { heading: string, text: string, buttonLabel: string, href: string | null, linkUrl: string | null, id: string | null, blockType: string }
      | { id: string | null, blockType: string }
      | { heading: string, id: string | null, blockType: string, levels: Array<{ title: string, summary: string }> }
      | { id: string | null, blockType: string }
      | { id: string | null, blockType: string }
      | { heading: string, id: string | null, blockType: string, companies: Array<{ name: string, slug: string, website: string, logo: { id: string, title: string } | null }> }
      | { id: string | null, blockType: string }
      | { id: string | null, blockType: string }
      | { heading: string, id: string | null, blockType: string, moments: Array<{ label: string, narrative: string }> }
      | { id: string | null, blockType: string }
      | { id: string | null, blockType: string }
      | { id: string | null, blockType: string }
      | { id: string | null, blockType: string }
      | { heading: string, id: string | null, blockType: string, entries: Array<{ id: string | null, question: string, answer: string, topic: string }> }
      | { id: string | null, blockType: string }
      | { id: string | null, blockType: string }
      | { id: string | null, blockType: string }
      | { id: string | null, blockType: string }
      | { id: string | null, blockType: string }
      | { id: string | null, blockType: string }
      | { id: string | null, blockType: string }
      | { id: string | null, blockType: string }
      | { id: string | null, blockType: string }
      | { id: string | null, blockType: string }
      | { heading: string, currency: string | null, sourceNote: string, asOfYear: number | null, id: string | null, blockType: string, rows: Array<{ level: string, levelDisplay: string, currency: string | null, experienceMinYears: number | null, experienceMaxYears: number | null, experienceDisplay: string | null, baseSalaryMin: number | null, baseSalaryMax: number | null, baseSalaryDisplay: string | null, equityBonusPercentMin: number | null, equityBonusPercentMax: number | null, equityBonusDisplay: string | null, internMonthlyMin: number | null, internMonthlyMax: number | null, internMonthlyDisplay: string | null }> }
      | { heading: string, body: string, id: string | null, blockType: string }
      | { id: string | null, blockType: string }
      | { heading: string, id: string | null, blockType: string, skills: Array<{ name: string, tools: Array<{ name: string, slug: string, website: string }> }> }
      | { id: string | null, blockType: string }
      | { id: string | null, blockType: string }
      | { id: string | null, blockType: string }
      | { id: string | null, blockType: string }
      | { id: string | null, blockType: string }
      | { id: string | null, blockType: string }
      | { id: string | null, blockType: string }
      | { id: string | null, blockType: string }
    > } | null };

export type RoleGuideEditionsQueryVariables = Exact<{
  path: string;
}>;


export type RoleGuideEditionsQuery = { roleGuide: { id: string | null, year: number, roleSlug: string, editions: Array<{ id: string | null, title: string, year: number, sitePath: string | null }>, previousEdition: { id: string | null, title: string, year: number, sitePath: string | null } | null, body: Array<
      | { id: string | null }
      | { id: string | null }
      | { id: string | null }
      | { id: string | null }
      | { id: string | null }
      | { id: string | null }
      | { id: string | null }
      | { id: string | null }
      | { id: string | null }
      | { id: string | null }
      | { id: string | null }
      | { id: string | null }
      | { id: string | null }
      | { id: string | null }
      | { id: string | null }
      | { id: string | null }
      | { id: string | null }
      | { id: string | null }
      | { id: string | null }
      | { id: string | null }
      | { id: string | null }
      | { id: string | null }
      | { id: string | null }
      | { id: string | null }
      | { id: string | null }
      | { id: string | null }
      | { id: string | null, rows: Array<{ level: string, changeFromPreviousEdition: { min: number | null, max: number | null, pay: PayKind, previousYear: number } | null }> }
      | { id: string | null }
      | { id: string | null }
      | { id: string | null }
      | { id: string | null }
      | { id: string | null }
      | { id: string | null }
      | { id: string | null }
      | { id: string | null }
      | { id: string | null }
      | { id: string | null }
      | { id: string | null }
    > } | null };

export type RoleGuidesQueryVariables = Exact<{
  category?: string | null | undefined;
  year?: number | null | undefined;
  order?: RoleGuideOrder | null | undefined;
  page?: number | null | undefined;
  perPage?: number | null | undefined;
}>;


export type RoleGuidesQuery = { roleGuides: { items: Array<{ id: string | null, title: string, slug: string, url: string | null, roleName: string, year: number, intro: string, category: { name: string, slug: string } | null, heroImage: { id: string, title: string, srcSet: string | null } | null }>, pagination: { total: number, count: number, perPage: number, currentPage: number, prevPage: number | null, nextPage: number | null, totalPages: number } } };

export type RoleGuidesAfterQueryVariables = Exact<{
  after?: string | null | undefined;
  category?: string | null | undefined;
  year?: number | null | undefined;
  order?: RoleGuideOrder | null | undefined;
  perPage?: number | null | undefined;
}>;


export type RoleGuidesAfterQuery = { roleGuides: { items: Array<{ id: string | null, title: string, slug: string, url: string | null, roleName: string, year: number, intro: string, category: { name: string, slug: string } | null, heroImage: { id: string, title: string, srcSet: string | null } | null }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type SalaryComparisonQueryVariables = Exact<{
  level: string;
  category?: string | null | undefined;
  year?: number | null | undefined;
  currency?: string | null | undefined;
  page?: number | null | undefined;
  perPage?: number | null | undefined;
}>;


export type SalaryComparisonQuery = { salaryComparison: { items: Array<{ level: string, currency: string | null, baseSalaryMin: number | null, baseSalaryMax: number | null, midpoint: number, guide: { id: string | null, title: string, url: string | null, roleName: string, year: number, category: { name: string, slug: string } | null } }>, pagination: { total: number, count: number, perPage: number, currentPage: number, prevPage: number | null, nextPage: number | null, totalPages: number } } };

export type SiteSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type SiteSettingsQuery = { setting: { siteName: string, defaultSocialImage: { id: string, title: string } | null } | null };

export type SitemapQueryVariables = Exact<{ [key: string]: never; }>;


export type SitemapQuery = { sitemap: Array<{ url: string, path: string, lastModified: string }> };

export type SitemapIndexQueryVariables = Exact<{
  size?: number | null | undefined;
}>;


export type SitemapIndexQuery = { sitemapIndex: { total: number, sitemaps: Array<{ number: number, lastModified: string, after: string | null, count: number }> } };

export type SitemapPageQueryVariables = Exact<{
  after?: string | null | undefined;
  perPage?: number | null | undefined;
}>;


export type SitemapPageQuery = { sitemapListing: { items: Array<{ url: string, path: string, lastModified: string }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type ToolGuidesQueryVariables = Exact<{
  tool?: string | null | undefined;
  skill?: string | null | undefined;
  guidesPerTool?: number | null | undefined;
}>;


export type ToolGuidesQuery = { tools: Array<{ name: string, slug: string, roleGuides: Array<{ id: string | null, title: string, url: string | null, roleName: string, year: number }> }>, roleGuides: { items: Array<{ id: string | null, title: string, url: string | null, roleName: string, year: number }>, pagination: { total: number } } };

export type RoleGuideFieldsFragment = { id: string | null, title: string, slug: string, url: string | null, roleName: string, year: number, intro: string, lastPublishedAt: string | null, category: { name: string, slug: string } | null, heroImage: { id: string, title: string, width: number, height: number, srcSet: string | null } | null, seo: { title: string, description: string, canonicalUrl: string, noIndex: boolean, siteName: string, structuredData: string, image: { id: string, title: string, rendition: { url: string, width: number, height: number } | null } | null }, body: Array<
    | { id: string | null, blockType: string }
    | { id: string | null, blockType: string }
    | { heading: string, text: string, buttonLabel: string, href: string | null, linkUrl: string | null, id: string | null, blockType: string }
    | { id: string | null, blockType: string }
    | { heading: string, id: string | null, blockType: string, levels: Array<{ title: string, summary: string }> }
    | { id: string | null, blockType: string }
    | { id: string | null, blockType: string }
    | { heading: string, id: string | null, blockType: string, companies: Array<{ name: string, slug: string, website: string, logo: { id: string, title: string } | null }> }
    | { id: string | null, blockType: string }
    | { id: string | null, blockType: string }
    | { heading: string, id: string | null, blockType: string, moments: Array<{ label: string, narrative: string }> }
    | { id: string | null, blockType: string }
    | { id: string | null, blockType: string }
    | { id: string | null, blockType: string }
    | { id: string | null, blockType: string }
    | { heading: string, id: string | null, blockType: string, entries: Array<{ id: string | null, question: string, answer: string, topic: string }> }
    | { id: string | null, blockType: string }
    | { id: string | null, blockType: string }
    | { id: string | null, blockType: string }
    | { id: string | null, blockType: string }
    | { id: string | null, blockType: string }
    | { id: string | null, blockType: string }
    | { id: string | null, blockType: string }
    | { id: string | null, blockType: string }
    | { id: string | null, blockType: string }
    | { id: string | null, blockType: string }
    | { heading: string, currency: string | null, sourceNote: string, asOfYear: number | null, id: string | null, blockType: string, rows: Array<{ level: string, levelDisplay: string, currency: string | null, experienceMinYears: number | null, experienceMaxYears: number | null, experienceDisplay: string | null, baseSalaryMin: number | null, baseSalaryMax: number | null, baseSalaryDisplay: string | null, equityBonusPercentMin: number | null, equityBonusPercentMax: number | null, equityBonusDisplay: string | null, internMonthlyMin: number | null, internMonthlyMax: number | null, internMonthlyDisplay: string | null }> }
    | { heading: string, body: string, id: string | null, blockType: string }
    | { id: string | null, blockType: string }
    | { heading: string, id: string | null, blockType: string, skills: Array<{ name: string, tools: Array<{ name: string, slug: string, website: string }> }> }
    | { id: string | null, blockType: string }
    | { id: string | null, blockType: string }
    | { id: string | null, blockType: string }
    | { id: string | null, blockType: string }
    | { id: string | null, blockType: string }
    | { id: string | null, blockType: string }
    | { id: string | null, blockType: string }
    | { id: string | null, blockType: string }
  > };
