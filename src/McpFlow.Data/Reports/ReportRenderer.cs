using System.Net;
using System.Text;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Reports;

/// <summary>Renders a <see cref="ReportDocument"/> as Markdown (images referenced by relative path) or as one
/// self-contained HTML file (images embedded as base64 data URIs).</summary>
public static class ReportRenderer
{
    /// <summary>Markdown; image paths are made relative to <paramref name="folder"/>.</summary>
    public static string Markdown(ReportDocument doc, string folder)
    {
        var md = new StringBuilder($"# {doc.Title}\n");
        foreach (var section in doc.Sections)
        {
            md.Append($"\n## {section.Title}\n\n");
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case ParagraphBlock p: md.Append(p.Text).Append("\n\n"); break;
                    case BulletsBlock b: md.AppendJoin("", b.Items.Select(i => $"- {i}\n")).Append('\n'); break;
                    case TableBlock t: md.Append(MarkdownTable.Render(t.Headers, t.Rows)).Append('\n'); break;
                    case ImageBlock i: md.Append($"![{i.Caption}]({Path.GetRelativePath(folder, i.Path)})\n\n"); break;
                }
            }
        }

        return md.ToString();
    }

    /// <summary>Self-contained HTML.</summary>
    public static string Html(ReportDocument doc)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(doc.Title))
            .Append("</title><style>body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;color:#222}" +
                    "table{border-collapse:collapse;margin:1em 0;font-size:0.9em}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}" +
                    "th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}figure{display:inline-block;margin:0.5em}" +
                    "img{max-width:520px;border:1px solid #eee}figcaption{font-size:0.85em;color:#555}</style></head><body>\n")
            .Append($"<h1>{WebUtility.HtmlEncode(doc.Title)}</h1>\n");
        foreach (var section in doc.Sections)
        {
            html.Append($"<h2>{WebUtility.HtmlEncode(section.Title)}</h2>\n");
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case ParagraphBlock p: html.Append($"<p>{WebUtility.HtmlEncode(p.Text)}</p>\n"); break;
                    case BulletsBlock b: html.Append("<ul>").AppendJoin("", b.Items.Select(i => $"<li>{WebUtility.HtmlEncode(i)}</li>")).Append("</ul>\n"); break;
                    case TableBlock t:
                        html.Append("<table><tr>").AppendJoin("", t.Headers.Select(h => $"<th>{WebUtility.HtmlEncode(h)}</th>")).Append("</tr>");
                        foreach (var row in t.Rows)
                            html.Append("<tr>").AppendJoin("", row.Select(c => $"<td>{WebUtility.HtmlEncode(c)}</td>")).Append("</tr>");
                        html.Append("</table>\n");
                        break;
                    case ImageBlock i when File.Exists(i.Path):
                        html.Append($"<figure><img alt=\"{WebUtility.HtmlEncode(i.Caption)}\" src=\"data:image/png;base64,{Convert.ToBase64String(File.ReadAllBytes(i.Path))}\">")
                            .Append($"<figcaption>{WebUtility.HtmlEncode(i.Caption)}</figcaption></figure>\n");
                        break;
                }
            }
        }

        return html.Append("</body></html>\n").ToString();
    }
}
