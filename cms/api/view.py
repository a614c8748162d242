"""The GraphQL endpoint: `/graphql/`, POST JSON or GET, with coded errors."""

from django.conf import settings
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from graphene_django.views import GraphQLView, HttpError
from graphql import GraphQLError

from cms.api.errors import format_graphql_error, format_http_error


class ApiView(GraphQLView):
    """graphene-django's view with stable error codes and no 500 for what a client sent."""

    @staticmethod
    def format_error(error):
        if isinstance(error, GraphQLError):
            return format_graphql_error(error)
        if isinstance(error, HttpError):
            return format_http_error(
                error.response.status_code, str(error.response.content.decode())
            )
        return format_graphql_error(GraphQLError(str(error), original_error=error))

    def parse_body(self, request):
        try:
            return super().parse_body(request)
        except UnicodeDecodeError as error:
            from django.http import HttpResponseBadRequest

            raise HttpError(HttpResponseBadRequest("The body is not valid UTF-8.")) from error


def graphql_urlpatterns():
    view = csrf_exempt(ApiView.as_view(graphiql=settings.DEBUG))
    return [path("graphql/", view, name="graphql")]
