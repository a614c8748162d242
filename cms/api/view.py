"""The GraphQL endpoint: `/graphql/`, POST JSON or GET, with coded errors."""

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from graphene_django.views import GraphQLView, HttpError
from graphql import GraphQLError

from cms.api.errors import format_graphql_error, format_http_error


def bad_request(message):
    return HttpError(HttpResponseBadRequest(message))


class ApiView(GraphQLView):
    """graphene-django's view with stable error codes and no 500 for what a client sent."""

    @staticmethod
    def format_error(error):
        if isinstance(error, GraphQLError):
            return format_graphql_error(error)
        if isinstance(error, HttpError):
            message = error.response.content.decode(errors="replace") or error.message
            return format_http_error(error.response.status_code, message)
        return format_graphql_error(GraphQLError(str(error), original_error=error))

    def parse_body(self, request):
        try:
            return super().parse_body(request)
        except UnicodeDecodeError as error:
            raise bad_request("The body is not valid UTF-8.") from error

    @staticmethod
    def get_graphql_params(request, data):
        query, variables, operation_name, id_ = GraphQLView.get_graphql_params(request, data)
        if query is not None and not isinstance(query, str):
            raise bad_request("`query` must be a string.")
        if variables is not None and not isinstance(variables, dict):
            raise bad_request("`variables` must be a JSON object.")
        if operation_name is not None and not isinstance(operation_name, str):
            raise bad_request("`operationName` must be a string.")
        return query, variables, operation_name, id_


def graphql_urlpatterns():
    view = csrf_exempt(ApiView.as_view(graphiql=settings.DEBUG))
    return [path("graphql/", view, name="graphql")]
