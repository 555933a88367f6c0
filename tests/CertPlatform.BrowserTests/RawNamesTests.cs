using CertPlatform.BrowserTests.Infrastructure;

namespace CertPlatform.BrowserTests;

/// <summary>The raw-name check of the page walk finds code names as whole words only.</summary>
public sealed class RawNamesTests
{
    [Fact]
    public void The_names_come_from_the_status_and_type_definitions() =>
        Assert.Superset(new HashSet<string> { "Ready", "Draft", "Retired", "InProgress", "Finished", "TrueFalse", "Revoked", "AwaitingManual", "Pending", "published" },
            RawNames.Names.ToHashSet());

    [Theory]
    [InlineData("状态 Ready", "Ready")]
    [InlineData("题型：TrueFalse，InProgress", "TrueFalse,InProgress")]
    [InlineData("状态 可用", "")]
    [InlineData("Already unreadable", "")]
    [InlineData("ready retired", "")]
    public void Whole_words_in_the_codes_spelling_are_found(string text, string expected) =>
        Assert.Equal(expected, string.Join(",", RawNames.In(text)));
}
