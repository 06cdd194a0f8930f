namespace EarlyHelp.Core.Outcomes.Rules;

/// <summary>
/// A machine-readable criterion of a framework. Rules are built from a framework file by
/// <see cref="Frameworks.FrameworkLoader"/>; the combinators are the evidence glossary of the Walsall
/// framework (AND, OR, OR/AND, OPTIONAL AND).
/// </summary>
public abstract class Rule
{
    public abstract RuleResult Evaluate(NeedContext context);
}

/// <summary>AND: every part must hold. Optional parts are reported but never required.</summary>
public sealed class AllRule(IReadOnlyList<Rule> parts) : Rule
{
    public IReadOnlyList<Rule> Parts => parts;

    public override RuleResult Evaluate(NeedContext context)
    {
        var required = new List<RuleResult>();
        var optionalReasons = new List<string>();
        foreach (var part in parts)
        {
            var result = part.Evaluate(context);
            if (part is OptionalRule)
            {
                optionalReasons.AddRange(result.Reasons.Select(r => "Optional: " + r));
            }
            else
            {
                required.Add(result);
            }
        }

        var combined = RuleResult.AllOf(required);
        return optionalReasons.Count == 0 ? combined : combined with { Reasons = [.. combined.Reasons, .. optionalReasons] };
    }
}

/// <summary>OR and OR/AND: at least one alternative must hold (OR/AND says both may be present; the verdict is the same).</summary>
public sealed class AnyRule(IReadOnlyList<Rule> alternatives) : Rule
{
    public IReadOnlyList<Rule> Alternatives => alternatives;

    public override RuleResult Evaluate(NeedContext context) =>
        RuleResult.AnyOf([.. alternatives.Select(a => a.Evaluate(context))]);
}

/// <summary>OPTIONAL AND: evidence that may be added; inside an AND it is reported and never required.</summary>
public sealed class OptionalRule(Rule inner) : Rule
{
    public Rule Inner => inner;

    public override RuleResult Evaluate(NeedContext context) => inner.Evaluate(context);
}

/// <summary>How a rule looks at people: each member the need is about, or the household as one.</summary>
public enum Scope
{
    /// <summary>The need's member, or each member the need applies to.</summary>
    Member,

    /// <summary>The household as one.</summary>
    Family,

    /// <summary>The other children of the family: the siblings of the need's member.</summary>
    OtherChildren,
}
