namespace CertPlatform.Web.Domain.Questions;

public static partial class FillText
{
    [System.Text.RegularExpressions.GeneratedRegex(@"\{\{(\d+)\}\}")]
    private static partial System.Text.RegularExpressions.Regex BlankMark();

    public static IReadOnlyList<int> BlankNumbers(string stem) =>
        BlankMark().Matches(stem).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
}
