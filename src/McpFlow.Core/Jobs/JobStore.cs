using System.Text.Json;
using McpFlow.Core.Files;
using McpFlow.Core.Mcp;

namespace McpFlow.Core.Jobs;

/// <summary>Reads and writes job records and results under the workspace's <c>jobs/</c> folder.</summary>
internal sealed class JobStore(string root)
{
    private const string RecordFile = "job.json";
    private const string ResultFile = "result.json";

    public string FolderOf(string id)
    {
        var folder = Path.Combine(root, id);
        Directory.CreateDirectory(folder);
        return folder;
    }

    public void Save(JobRecord record) => AtomicFile.WriteAllText(Path.Combine(FolderOf(record.Id), RecordFile), JsonSerializer.Serialize(record, McpFlowJson.Options));

    public void SaveResult(string id, JobResult result) =>
        AtomicFile.WriteAllText(Path.Combine(FolderOf(id), ResultFile), JsonSerializer.Serialize(result, McpFlowJson.Options));

    public JobResult? LoadResult(string id)
    {
        var path = Path.Combine(root, id, ResultFile);
        return File.Exists(path) ? JsonSerializer.Deserialize<JobResult>(File.ReadAllText(path), McpFlowJson.Options) : null;
    }

    public IEnumerable<JobRecord> LoadAll()
    {
        if (!Directory.Exists(root))
            yield break;
        foreach (var file in Directory.EnumerateFiles(root, RecordFile, SearchOption.AllDirectories))
        {
            JobRecord? record;
            try
            {
                record = JsonSerializer.Deserialize<JobRecord>(File.ReadAllText(file), McpFlowJson.Options);
            }
            catch (JsonException)
            {
                continue; // A torn or hand-edited record is skipped rather than taking the server down.
            }

            if (record is not null)
                yield return record;
        }
    }
}
