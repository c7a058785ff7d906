using System.Globalization;
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
    /// <summary>The hint of a timeout: where the limit comes from.</summary>
    public const string TimeoutHint =
        "The server may be down or overloaded; try again later, or raise the limit with --mlflow-timeout (env MCPFLOW_MLFLOW_TIMEOUT, default 20 s).";

    public static async Task<T> Call<T>(string uri, string what, TimeSpan limit, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (ApiException e)
        {
            throw FromApi(uri, what, e.StatusCode, e.Content, e.ContentHeaders?.ContentType?.MediaType);
        }
        catch (Exception e) when (e is MlflowHtmlAnswerException || e.InnerException is MlflowHtmlAnswerException)
        {
            throw Html(uri, what, ((HttpRequestException)(e as MlflowHtmlAnswerException ?? e.InnerException!)).StatusCode ?? HttpStatusCode.OK);
        }
        catch (Exception e) when (e is TimeoutRejectedException || e.InnerException is TimeoutRejectedException
                                  || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new McpFlowException(ErrorKind.Timeout,
                string.Create(CultureInfo.InvariantCulture, $"The MLflow server at {uri} did not answer {what} within {limit.TotalSeconds:0.#} s (retries included)."),
                TimeoutHint, e);
        }
        catch (Exception e) when (e is HttpRequestException or ApiRequestException)
        {
            throw new McpFlowException(ErrorKind.Unavailable,
                $"The MLflow server at {uri} is not reachable ({what}): {MlflowErrorBody.Message(e.Message)}",
                "Check that the server is running and MLFLOW_TRACKING_URI is right, or unset it to use the local store.", e);
        }
    }

    public static McpFlowException FromApi(string uri, string what, HttpStatusCode status, string? content, string? mediaType = null)
    {
        var html = MlflowErrorBody.IsHtml(content, mediaType);
        if (status == HttpStatusCode.NotFound && !IsMlflowError(content, html))
            return WrongPath(uri, what, html);
        if (html)
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

    /// <summary>A 404 that is not MLflow's own <c>{"error_code": …}</c> answer comes from a path the server does not
    /// serve: the request never reached the tracking API, so the base path is what is wrong, not an id or a name.</summary>
    private static McpFlowException WrongPath(string uri, string what, bool html) => McpFlowException.Unavailable(
        $"The server at {uri} has no MLflow endpoint {(what.Contains('/', StringComparison.Ordinal) ? uri + ApiPrefix + what : "for " + what)} " +
        $"(HTTP 404{(html ? ", an HTML page" : "")} without MLflow's error_code): the base path of the tracking URI is probably wrong" +
        (what.Contains('/', StringComparison.Ordinal) ? "." : ", or the server does not serve artifacts (mlflow server --serve-artifacts)."),
        $"Point --mlflow-uri (env MLFLOW_TRACKING_URI) at the MLflow server's root, e.g. http://host:5000, or at the prefix it is served under; McpFlow appends {ApiPrefix}.");

    /// <summary>The path MLflow's REST API 2.0 lives under.</summary>
    public const string ApiPrefix = "/api/2.0/mlflow/";

    private static bool IsMlflowError(string? content, bool html)
    {
        if (html || string.IsNullOrWhiteSpace(content) || !content.TrimStart().StartsWith('{'))
            return false;
        try
        {
            return JsonSerializer.Deserialize<MlflowErrorDto>(content, MlflowJson.Options)?.ErrorCode is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static McpFlowException Html(string uri, string what, HttpStatusCode status)
    {
        var message = $"The server at {uri} answered {what} with an HTML page (HTTP {(int)status}) instead of MLflow's JSON: a login page, " +
                      "a proxy or another web application is in front of the tracking API.";
        return status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || (int)status is >= 300 and < 400 or 200
            ? McpFlowException.Forbidden(message, "Set MLFLOW_TRACKING_TOKEN, or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD, for this server; " +
                                                  "or point MLFLOW_TRACKING_URI at the MLflow server itself.")
            : McpFlowException.Unavailable(message, "Check that MLFLOW_TRACKING_URI points at the MLflow tracking server, not a web page in front of it.");
    }
}
