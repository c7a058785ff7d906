using System.Net;
using System.Text.Json;
using McpFlow.Core.Errors;
using Polly.Timeout;
using Refit;

namespace McpFlow.Experiments.Tracking.Rest;

/// <summary>Turns HTTP and MLflow failures into actionable <see cref="McpFlowException"/>s that name the server
/// URI (never a secret) and MLflow's error code; the server's message is scrubbed of credentials and shortened
/// (<see cref="MlflowErrorBody"/>), and an HTML page (a login page, a proxy) is named as such, never echoed.</summary>
internal static class MlflowErrors
{
    public static async Task<T> Call<T>(string uri, string what, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (ApiException e)
        {
            throw FromApi(uri, what, e.StatusCode, e.Content, e.ContentHeaders?.ContentType?.MediaType);
        }
        catch (ApiRequestException e) when (e.InnerException is TimeoutRejectedException)
        {
            throw new McpFlowException(ErrorKind.Timeout, $"The MLflow server at {uri} did not answer in time ({what}).",
                "The server may be overloaded; try again, or narrow the search with a filter or max_results.", e);
        }
        catch (Exception e) when (e is HttpRequestException or ApiRequestException)
        {
            throw new McpFlowException(ErrorKind.Unavailable,
                $"The MLflow server at {uri} is not reachable ({what}): {MlflowErrorBody.Message(e.Message)}",
                "Check that the server is running and MLFLOW_TRACKING_URI is right, or unset it to use the local store.", e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new McpFlowException(ErrorKind.Timeout, $"The MLflow server at {uri} did not answer in time ({what}).",
                "The server may be overloaded; try again, or narrow the search with a filter or max_results.", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new McpFlowException(ErrorKind.Timeout, $"The MLflow server at {uri} did not answer in time ({what}).", null, e);
        }
    }

    public static McpFlowException FromApi(string uri, string what, HttpStatusCode status, string? content, string? mediaType = null)
    {
        if (MlflowErrorBody.IsHtml(content, mediaType))
            return Html(uri, what, status);
        MlflowErrorDto? error = null;
        try
        {
            if (!string.IsNullOrWhiteSpace(content) && content.TrimStart().StartsWith('{'))
                error = JsonSerializer.Deserialize<MlflowErrorDto>(content, MlflowJson.Options);
        }
        catch (JsonException)
        {
        }

        var code = error?.ErrorCode is { } c ? MlflowErrorBody.Message(c) : $"HTTP {(int)status}";
        var text = error?.Message ?? (error is null && !string.IsNullOrWhiteSpace(content) ? content : status.ToString());
        var message = $"MLflow at {uri} refused {what}: {code}: {MlflowErrorBody.Message(text)}";
        return (error?.ErrorCode, status) switch
        {
            ("RESOURCE_DOES_NOT_EXIST", _) or (null, HttpStatusCode.NotFound) =>
                McpFlowException.NotFound(message, "Check the id or name; mlflow_list_experiments and mlflow_search_runs list what exists."),
            ("INVALID_PARAMETER_VALUE" or "BAD_REQUEST" or "MALFORMED_REQUEST" or "INVALID_STATE", _) or (null, HttpStatusCode.BadRequest) =>
                McpFlowException.Invalid(message, "Fix the argument MLflow names in the message (filter syntax, key names, values)."),
            ("RESOURCE_ALREADY_EXISTS", _) => McpFlowException.Conflict(message),
            (_, HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) or ("PERMISSION_DENIED" or "UNAUTHENTICATED", _) =>
                McpFlowException.Forbidden(message, "Set MLFLOW_TRACKING_TOKEN, or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD, for this server."),
            _ => McpFlowException.Unavailable(message, "The server failed; retry later or check its logs."),
        };
    }

    private static McpFlowException Html(string uri, string what, HttpStatusCode status)
    {
        var message = $"The server at {uri} answered {what} with an HTML page (HTTP {(int)status}) instead of MLflow's JSON: a login page, " +
                      "a proxy or another web application is in front of the tracking API.";
        return status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || (int)status is >= 300 and < 400 or 200
            ? McpFlowException.Forbidden(message, "Set MLFLOW_TRACKING_TOKEN, or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD, for this server; " +
                                                  "or point MLFLOW_TRACKING_URI at the MLflow server itself.")
            : McpFlowException.Unavailable(message, "Check that MLFLOW_TRACKING_URI points at the MLflow tracking server, not a web page in front of it.");
    }
}
