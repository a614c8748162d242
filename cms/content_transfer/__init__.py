"""Export and import of content: pages, the snippets and images they use, and site settings,
as one versioned JSON file (docs/content-format.md) that another database can read.

The generic layer: page models come from Wagtail's `get_page_models()`, snippet models from
the chooser blocks and foreign keys of what is exported. A domain app whose snippet model has
no unique `slug` names its natural key from its AppConfig.ready():

    from cms.content_transfer.natural_keys import register_natural_key
    register_natural_key(FaqEntry, "question")
"""
