using System.Net;

namespace McpFlow.Experiments.Tracking.Rest;

/// <summary>A tracking server answered a request with a successful status but an HTML page (a login page reached
/// through a redirect, a proxy's portal): no MLflow endpoint answers with HTML, so the answer is refused before
/// anything tries to read it as MLflow's JSON (or, for an upload, takes it as success).</summary>
public sealed class MlflowHtmlAnswerException(HttpStatusCode status)
    : HttpRequestException($"The server answered with an HTML page (HTTP {(int)status}) instead of MLflow's JSON.", null, status);
