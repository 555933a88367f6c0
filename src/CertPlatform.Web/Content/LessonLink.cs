using System.Text.RegularExpressions;
using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using YamlDotNet.RepresentationModel;

namespace CertPlatform.Web.Content;

/// <summary>A <c>lesson:</c> link found in a lesson body, checked once every lesson is known.</summary>
public sealed record LessonLink(string File, int Line, string LessonId, string? Anchor);
