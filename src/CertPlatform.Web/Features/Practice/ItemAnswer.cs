namespace CertPlatform.Web.Features.Practice;

public sealed class ItemAnswer
{
    /// <summary>Single/multiple choice: displayed option positions.</summary>
    public List<int> Selected { get; set; } = [];
    /// <summary>"true" or "false".</summary>
    public string? TrueFalse { get; set; }
    public List<string?> Blanks { get; set; } = [];
    /// <summary>Per left item (authored order): displayed position of the chosen right item, -1 for none.</summary>
    public List<int> Matches { get; set; } = [];
    /// <summary>Ordering: per displayed item, the place (1 = first) the trainee gave it, 0 for none.</summary>
    public List<int> Ranks { get; set; } = [];
    public List<ItemAnswer> Parts { get; set; } = [];
}
