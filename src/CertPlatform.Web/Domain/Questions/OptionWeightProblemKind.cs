namespace CertPlatform.Web.Domain.Questions;

/// <summary>What is wrong with the per-option weights (percentages) of a choice question.</summary>
public enum OptionWeightProblemKind
{
    /// <summary>A weight outside −100 … 100.</summary>
    OutOfRange,
    /// <summary>Some options carry a weight and this one does not: with weights every option needs one.</summary>
    Missing,
    /// <summary>Ticked as correct but not earning (multiple: weight ≤ 0; single: weight ≠ 100).</summary>
    CorrectWithoutCredit,
    /// <summary>Earning (multiple: weight &gt; 0; single: weight 100) but not ticked as correct.</summary>
    CreditNotMarkedCorrect,
    /// <summary>Multiple choice: the positive weights do not add up to 100.</summary>
    PositiveSum,
    /// <summary>Single choice: no option is worth 100.</summary>
    NoFullCredit,
}
