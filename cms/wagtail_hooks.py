from wagtail import hooks

from cms.api.visibility import replace_leaky_query_mixins
from cms.rich_text import LivePageLinkHandler, NoImageEmbedHandler, PublicDocumentLinkHandler


@hooks.register("register_schema_query", order=100)
def serve_only_visible_content(query_mixins):
    replace_leaky_query_mixins(query_mixins)


@hooks.register("register_rich_text_features", order=100)
def link_only_to_visible_pages(features):
    features.register_link_type(LivePageLinkHandler)
    features.register_link_type(PublicDocumentLinkHandler)
    features.register_embed_type(NoImageEmbedHandler)
