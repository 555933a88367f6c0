namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>The examiner's choice for imported questions whose id is already in the bank with different content.</summary>
public enum ExistingQuestions
{
    /// <summary>Save the file's question as the next version (re-importing an edited export).</summary>
    Update,
    /// <summary>Leave the bank's question as it is.</summary>
    Skip,
    /// <summary>Create a separate question with a new id.</summary>
    ImportAsNew,
}
