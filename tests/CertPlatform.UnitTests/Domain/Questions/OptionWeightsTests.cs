using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.UnitTests.Domain.Questions;

public sealed class OptionWeightsTests
{
    private static IReadOnlyList<OptionWeightProblem> Check(QuestionType type, params (bool Correct, decimal? Weight)[] options) => OptionWeights.Check(type, options);

    [Fact]
    public void No_weights_at_all_is_the_platform_rule_and_never_a_problem() =>
        Assert.Empty(Check(QuestionType.Multiple, (true, null), (false, null), (true, null)));

    [Fact]
    public void Multiple_choice_partial_credit_that_adds_up_to_100_is_accepted() =>
        Assert.Empty(Check(QuestionType.Multiple, (true, 50m), (true, 50m), (false, -100m), (false, -100m)));

    [Fact]
    public void Thirds_written_with_decimals_add_up_to_100_within_the_tolerance() =>
        Assert.Empty(Check(QuestionType.Multiple, (true, 33.33333m), (true, 33.33333m), (true, 33.33333m), (false, 0m)));

    [Fact]
    public void Multiple_choice_positive_weights_that_do_not_add_up_to_100_are_named_with_the_sum()
    {
        var problem = Assert.Single(Check(QuestionType.Multiple, (true, 50m), (true, 40m), (false, -50m)));
        Assert.Equal((OptionWeightProblemKind.PositiveSum, -1, 90m), (problem.Kind, problem.Option, problem.Sum));
    }

    [Fact]
    public void A_weight_outside_minus_100_to_100_names_its_option()
    {
        var problems = Check(QuestionType.Multiple, (true, 100m), (false, -150m), (false, 0m));
        Assert.Equal([new OptionWeightProblem(OptionWeightProblemKind.OutOfRange, 1)], problems);
    }

    [Fact]
    public void Once_weights_are_used_every_option_needs_one() =>
        Assert.Equal([new OptionWeightProblem(OptionWeightProblemKind.Missing, 2)],
            Check(QuestionType.Multiple, (true, 60m), (true, 40m), (false, null)));

    [Fact]
    public void The_ticks_must_agree_with_the_weights()
    {
        Assert.Equal(
            [new OptionWeightProblem(OptionWeightProblemKind.CorrectWithoutCredit, 1), new OptionWeightProblem(OptionWeightProblemKind.CreditNotMarkedCorrect, 2)],
            Check(QuestionType.Multiple, (true, 50m), (true, 0m), (false, 50m)));
        Assert.Equal([new OptionWeightProblem(OptionWeightProblemKind.CorrectWithoutCredit, 1)],
            Check(QuestionType.Single, (true, 100m), (true, 50m), (false, 0m)));
    }

    [Fact]
    public void Single_choice_needs_an_option_worth_100_and_may_have_several()
    {
        Assert.Empty(Check(QuestionType.Single, (true, 100m), (true, 100m), (false, 25m)));
        Assert.Contains(new OptionWeightProblem(OptionWeightProblemKind.NoFullCredit, -1), Check(QuestionType.Single, (false, 50m), (false, 0m)));
    }

    [Fact]
    public void Other_types_are_not_checked() =>
        Assert.Empty(Check(QuestionType.Fill, (true, 500m)));
}
