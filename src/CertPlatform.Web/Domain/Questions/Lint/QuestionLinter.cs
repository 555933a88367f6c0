namespace CertPlatform.Web.Domain.Questions.Lint;

/// <summary>
/// Runs the item-writing rules over questions (see docs/item-writing.md). Pure: the same linter serves
/// <c>-- lint</c> on the shipped bank and the bank pages on questions in the database.
/// A question silences a rule with a <see cref="LintSilence"/>; a silence without a reason, or naming
/// a rule that cannot be silenced per question, is itself a finding (rule <c>lint-ignore</c>).
/// </summary>
public sealed class QuestionLinter
{
    public const string SilenceRuleId = "lint-ignore";
    public const string SilenceWithoutReason = "免检规则“{0}”没有写理由（reason）：每一次免检都必须说明为什么这道题可以例外";
    public const string SilenceUnknownRule = "免检规则“{0}”不存在或不能按题免检（可按题免检的规则：{1}）：写错的免检什么也不会静默，只会掩盖本意";

    public IReadOnlyList<IQuestionLintRule> QuestionRules { get; }
    public IReadOnlyList<IBankLintRule> BankRules { get; }

    public QuestionLinter(LintThresholds? thresholds = null, IReadOnlyList<WordingPair>? wording = null)
    {
        var t = thresholds ?? new LintThresholds();
        QuestionRules = [new AllOrNoneOptionRule(), new LongestKeyRule(t), new NegativeStemRule(), new FillVariantRule(wording ?? [])];
        BankRules = [new LongestKeyShareRule(t), new CorrectCountSpreadRule(t), new TrueFalseBalanceRule(t), new AbsoluteWordRule(t), new NearDuplicateRule(t)];
    }

    /// <summary>Rules whose findings name one question, so a question may silence them.</summary>
    public IReadOnlyList<string> SilenceableRules => [.. QuestionRules.Select(r => r.Id), NearDuplicateRule.RuleId];

    /// <summary>Every message a finding can carry (all are localisation keys).</summary>
    public static IReadOnlyList<string> Messages =>
    [
        AllOrNoneOptionRule.Message, LongestKeyRule.Message, NegativeStemRule.Message, FillVariantRule.Message,
        LongestKeyShareRule.Message, CorrectCountSpreadRule.Message, TrueFalseBalanceRule.Message, AbsoluteWordRule.Message,
        NearDuplicateRule.Message, SilenceWithoutReason, SilenceUnknownRule,
    ];

    /// <summary>The per-question rules on one question and its case parts (no bank-level rules).</summary>
    public LintReport CheckQuestion(Question question) => Apply(Flatten(question).SelectMany(q => QuestionRules.SelectMany(r => r.Check(q))), [question]);

    /// <summary>Every rule over a bank (retired questions are left out).</summary>
    public LintReport Check(IReadOnlyList<LintSubject> bank)
    {
        var live = bank.Where(s => s.Question.Status != QuestionStatus.Retired).ToList();
        var flat = live.SelectMany(s => Flatten(s.Question).Select(q => new LintSubject(q, s.PartId))).ToList();
        var findings = flat.SelectMany(s => QuestionRules.SelectMany(r => r.Check(s.Question)))
            .Concat(BankRules.SelectMany(r => r.Check(flat)));
        return Apply(findings, live.Select(s => s.Question));
    }

    private LintReport Apply(IEnumerable<LintFinding> findings, IEnumerable<Question> questions)
    {
        var silences = new Dictionary<string, IReadOnlyList<LintSilence>>(StringComparer.Ordinal);
        var open = new List<LintFinding>();
        var silenced = new List<LintFinding>();
        var allowed = SilenceableRules;
        foreach (var q in questions.SelectMany(Flatten))
        {
            if (q.LintIgnore is not { Count: > 0 } list) continue;
            silences[q.Id] = list;
            foreach (var s in list)
            {
                if (!allowed.Contains(s.Rule)) open.Add(new(q.Id, SilenceRuleId, SilenceUnknownRule, [s.Rule, string.Join(", ", allowed)]));
                else if (string.IsNullOrWhiteSpace(s.Reason)) open.Add(new(q.Id, SilenceRuleId, SilenceWithoutReason, [s.Rule]));
            }
        }
        foreach (var f in findings)
        {
            var isSilenced = silences.TryGetValue(f.Subject, out var list) &&
                             list.Any(s => s.Rule == f.Rule && !string.IsNullOrWhiteSpace(s.Reason));
            (isSilenced ? silenced : open).Add(f);
        }
        return new LintReport(open, silenced);
    }

    private static IEnumerable<Question> Flatten(Question q) => q.Type == QuestionType.Case ? [q, .. q.Parts] : [q];
}
