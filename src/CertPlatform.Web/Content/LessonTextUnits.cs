using System.Text.RegularExpressions;

namespace CertPlatform.Web.Content;

/// <summary>
/// Splits a lesson body into comparable units and decides which are supplements. A supplement is
/// (see content/AUTHORING.md): a blockquote or paragraph starting with 教学补充 / 编写补充 / 教学说明 / 教学示例;
/// when that marker says 以下 or 本节 it covers the rest of its section, and 以下各节 / 及以下 the rest of the
/// lesson; table columns whose header says 教学补充 or 编写补充; and the 要点小结 {#key-points} summary.
/// Headings are not compared.
/// </summary>
public static partial class LessonTextUnits
{
    private static readonly string[] Markers = ["教学补充", "编写补充", "教学说明", "教学示例"];

    public static bool StartsWithMarker(string plain)
    {
        var t = plain.TrimStart(' ', '*', '（', '(', '【');
        return Markers.Any(m => t.StartsWith(m, StringComparison.Ordinal));
    }

    /// <summary>Units of the lesson text; <paramref name="text"/> is the whole file (front matter is skipped).</summary>
    public static IReadOnlyList<LessonTextUnit> Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var start = 0;
        if (lines.Length > 0 && lines[0].Trim() == "---")
        {
            start = Array.FindIndex(lines, 1, l => l.Trim() == "---") + 1;
            if (start <= 0) start = 0;
        }
        var units = new List<LessonTextUnit>();
        string? section = null, subsection = null;
        var sectionSupplementLevel = int.MaxValue; // headings at or above this level end a section-wide supplement
        var lessonSupplement = false;
        var headingLevel = 0;
        bool[]? tableSupplementColumns = null;
        var inQuote = false;
        var quoteSupplement = false;

        for (var i = start; i < lines.Length; i++)
        {
            var line = lines[i];
            var lineNo = i + 1;
            var trimmed = line.Trim();
            if (Heading().Match(trimmed) is { Success: true } h)
            {
                var level = h.Groups[1].Value.Length;
                var anchor = h.Groups[3].Success ? h.Groups[3].Value : null;
                if (level <= 2) { section = anchor; subsection = null; } else subsection = anchor;
                headingLevel = level;
                if (level <= sectionSupplementLevel) sectionSupplementLevel = int.MaxValue;
                if (anchor == "key-points") sectionSupplementLevel = level;
                tableSupplementColumns = null;
                inQuote = false;
                continue;
            }
            if (trimmed.Length == 0) { inQuote = false; tableSupplementColumns = null; continue; }

            var inSectionSupplement = lessonSupplement || sectionSupplementLevel != int.MaxValue;
            if (trimmed.StartsWith('>'))
            {
                var content = trimmed.TrimStart('>').Trim();
                if (!inQuote)
                {
                    inQuote = true;
                    quoteSupplement = StartsWithMarker(SourceText.PlainLine(content));
                    if (quoteSupplement) ApplyMarkerScope(content);
                }
                if (content.Length == 0) continue;
                AddLine(content, lineNo, quoteSupplement || lessonSupplement || sectionSupplementLevel != int.MaxValue);
                continue;
            }
            inQuote = false;

            if (trimmed.StartsWith('|'))
            {
                var cells = trimmed.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
                if (cells.All(c => TableRule().IsMatch(c))) continue;
                if (tableSupplementColumns is null)
                {
                    tableSupplementColumns = cells.Select(c => c.Contains("教学补充", StringComparison.Ordinal) || c.Contains("编写补充", StringComparison.Ordinal)).ToArray();
                    continue; // header row: labels, not compared
                }
                for (var c = 0; c < cells.Length; c++)
                {
                    var supplement = inSectionSupplement || (c < tableSupplementColumns.Length && tableSupplementColumns[c]);
                    AddLine(cells[c], lineNo, supplement);
                }
                continue;
            }
            tableSupplementColumns = null;

            var plain = SourceText.PlainLine(trimmed);
            if (StartsWithMarker(plain))
            {
                ApplyMarkerScope(plain);
                AddLine(plain, lineNo, true);
                continue;
            }
            AddLine(trimmed, lineNo, inSectionSupplement);
        }
        return units;

        void ApplyMarkerScope(string marker)
        {
            if (marker.Contains("以下各节", StringComparison.Ordinal) || marker.Contains("及以下", StringComparison.Ordinal)) lessonSupplement = true;
            else if (marker.Contains("以下", StringComparison.Ordinal) || marker.Contains("本节", StringComparison.Ordinal))
                sectionSupplementLevel = Math.Max(1, headingLevel);
        }

        void AddLine(string raw, int lineNo, bool supplement)
        {
            foreach (var sentence in SourceText.Sentences(SourceText.PlainLine(raw)))
                units.Add(new LessonTextUnit(lineNo, sentence, supplement, section, subsection));
        }
    }

    [GeneratedRegex(@"^(#{1,6})\s+(.*?)(?:\s*\{#([A-Za-z0-9-]+)\})?\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^:?-{2,}:?$")]
    private static partial Regex TableRule();
}
