using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace McpFlow.Architecture.Tests;

/// <summary>
/// Follows every value that reaches SQL text (an assignment to a command's <c>CommandText</c>) back through the
/// product's sources and decides whether it can carry text nobody quoted. A value is safe when it is a constant, a
/// number (or another type whose text cannot close a quote), a call to <c>SqlQuote</c>, one of the audited trusted
/// sources (client SQL after the SQL guard), or built only from safe values: interpolations, concatenations,
/// conditionals, <c>string.Join</c> over safe collections, locals whose every assignment is safe, parameters that
/// every caller passes safely, and methods or properties whose every return is safe. Anything else is reported with
/// the first unsafe piece found.
/// </summary>
internal sealed class SqlSafety
{
    private const int MaxDepth = 40;
    private readonly CSharpCompilation _compilation;
    private readonly Dictionary<SyntaxTree, SemanticModel> _models = [];
    private readonly Dictionary<ISymbol, string?> _symbolCache = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _inProgress = new(SymbolEqualityComparer.Default);
    private Dictionary<string, List<(SyntaxNode Node, ArgumentListSyntax Args)>>? _callsByName;

    public SqlSafety(CSharpCompilation compilation) => _compilation = compilation;

    /// <summary>Values the product trusts without tracing them further, each with the reason it is safe.</summary>
    public static readonly IReadOnlyDictionary<string, string> TrustedSources = new Dictionary<string, string>
    {
        ["McpFlow.Core.Storage.SqlQuote"] = "the one quoting helper: identifiers, literals, finite numbers, keywords from closed lists",
        ["McpFlow.Data.Query.SqlGuard.CheckQuery"] = "client SQL after the guard: DuckDB regenerates it from the checked parse tree (SqlPolicy applied)",
        ["McpFlow.Data.Query.SqlVerdict.Sql"] = "client SQL after SqlGuard.Check: a regenerated checked query, or a write rebuilt from checked parts",
        ["McpFlow.Data.Loading.SourceFiles.SqlArgument"] = "the guard's checked file list, each path through SqlQuote.Literal",
        ["McpFlow.Core.Team.SchemaMigration.Sql"] = "a schema migration script embedded in McpFlow.Core (Team/Migrations/*.sql), never client text",
        ["McpFlow.Data.Sources.SourceQuery.Sql"] = "a client query for a database source after SourceQuery.Check (one SELECT, refused functions); " +
            "it runs as a subquery in a READ ONLY transaction with a statement timeout, never committed, on the source's own server",
    };

    /// <summary>Every place SQL text is set from a value that may be unquoted client text.</summary>
    public IEnumerable<string> Findings()
    {
        foreach (var tree in _compilation.SyntaxTrees)
        {
            var model = Model(tree);
            foreach (var assignment in tree.GetRoot().DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                if (assignment.Left is not MemberAccessExpressionSyntax { Name.Identifier.Text: "CommandText" })
                    continue;
                var culprit = Unsafe(assignment.Right, model, 0, Empty);
                if (culprit is not null)
                {
                    var line = assignment.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    yield return $"{ProductSources.RelativePath(tree)}:{line}: CommandText = {Short(assignment.Right)} — unquoted: {culprit}";
                }
            }
        }
    }

    /// <summary>Null when <paramref name="expression"/> is safe; otherwise a description of the first unsafe piece.</summary>
    private string? Unsafe(ExpressionSyntax expression, SemanticModel model, int depth, IReadOnlyDictionary<ISymbol, string?> lambdaParameters)
    {
        if (depth > MaxDepth)
            return $"too deep to follow ({Short(expression)})";
        if (model.GetConstantValue(expression).HasValue || IsHarmlessType(model.GetTypeInfo(expression).Type))
            return null;
        switch (expression)
        {
            case ParenthesizedExpressionSyntax p:
                return Unsafe(p.Expression, model, depth + 1, lambdaParameters);
            case LiteralExpressionSyntax:
                return null;
            case InterpolatedStringExpressionSyntax interpolated:
                return interpolated.Contents.OfType<InterpolationSyntax>()
                    .Select(i => Unsafe(i.Expression, model, depth + 1, lambdaParameters)).FirstOrDefault(c => c is not null);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) || binary.IsKind(SyntaxKind.CoalesceExpression):
                return Unsafe(binary.Left, model, depth + 1, lambdaParameters) ?? Unsafe(binary.Right, model, depth + 1, lambdaParameters);
            case ConditionalExpressionSyntax conditional:
                return Unsafe(conditional.WhenTrue, model, depth + 1, lambdaParameters) ?? Unsafe(conditional.WhenFalse, model, depth + 1, lambdaParameters);
            case SwitchExpressionSyntax @switch:
                return @switch.Arms.Select(a => a.Expression is ThrowExpressionSyntax ? null : Unsafe(a.Expression, model, depth + 1, lambdaParameters))
                    .FirstOrDefault(c => c is not null);
            case ThrowExpressionSyntax:
                return null;
            case TupleExpressionSyntax tuple:
                return tuple.Arguments.Select(a => Unsafe(a.Expression, model, depth + 1, lambdaParameters)).FirstOrDefault(c => c is not null);
            case MemberAccessExpressionSyntax access when model.GetSymbolInfo(access).Symbol is IFieldSymbol { ContainingType.IsTupleType: true }:
                return Unsafe(access.Expression, model, depth + 1, lambdaParameters);
            case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } bang:
                return Unsafe(bang.Operand, model, depth + 1, lambdaParameters);
            case InvocationExpressionSyntax invocation:
                return UnsafeInvocation(invocation, model, depth, lambdaParameters);
            case ElementAccessExpressionSyntax element:
                return UnsafeCollection(element.Expression, model, depth + 1, lambdaParameters);
            case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                return UnsafeSymbol(model.GetSymbolInfo(expression).Symbol, expression, model, depth, lambdaParameters);
            default:
                return $"{expression.Kind()} '{Short(expression)}'";
        }
    }

    private string? UnsafeInvocation(InvocationExpressionSyntax invocation, SemanticModel model, int depth, IReadOnlyDictionary<ISymbol, string?> lambdaParameters)
    {
        var method = Method(invocation, model);
        if (method is null)
            return $"a call that cannot be resolved ('{Short(invocation)}')";
        if (IsTrusted(method))
            return null;
        var receiver = (invocation.Expression as MemberAccessExpressionSyntax)?.Expression;
        var arguments = invocation.ArgumentList.Arguments;
        switch (method.Name)
        {
            case "ToString" when receiver is not null && IsStringBuilder(model.GetTypeInfo(receiver).Type):
                return UnsafeBuilder(receiver, model, depth + 1, lambdaParameters);
            case "ToString" or "ToLowerInvariant" or "ToUpperInvariant" or "Trim" or "TrimEnd" or "TrimStart" when receiver is not null:
                return Unsafe(receiver, model, depth + 1, lambdaParameters);
            case "Join" when method.ContainingType.SpecialType == SpecialType.System_String:
                return Unsafe(arguments[0].Expression, model, depth + 1, lambdaParameters)
                    ?? arguments.Skip(1).Select(a => UnsafeCollectionOrValue(a.Expression, model, depth + 1, lambdaParameters)).FirstOrDefault(c => c is not null);
            case "Concat" when method.ContainingType.SpecialType == SpecialType.System_String:
                return arguments.Select(a => UnsafeCollectionOrValue(a.Expression, model, depth + 1, lambdaParameters)).FirstOrDefault(c => c is not null);
        }

        return UnsafeMethodBody(method, depth, invocation);
    }

    private string? UnsafeMethodBody(IMethodSymbol method, int depth, SyntaxNode at)
    {
        var definition = method.OriginalDefinition;
        if (definition.DeclaringSyntaxReferences.Length == 0)
            return $"the result of {method.ContainingType?.Name}.{method.Name}() ('{Short(at)}')";
        return Cached(definition, () =>
        {
            var found = false;
            foreach (var reference in definition.DeclaringSyntaxReferences)
            {
                var node = reference.GetSyntax();
                var model = Model(node.SyntaxTree);
                var returns = node switch
                {
                    MethodDeclarationSyntax { ExpressionBody: { } arrow } => [arrow.Expression],
                    LocalFunctionStatementSyntax { ExpressionBody: { } arrow } => [arrow.Expression],
                    _ => node.DescendantNodes().OfType<ReturnStatementSyntax>().Where(r => r.Expression is not null
                        && r.Ancestors().FirstOrDefault(a => a is MethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax) == node)
                        .Select(r => r.Expression!).ToList(),
                };
                foreach (var value in returns)
                {
                    found = true;
                    var culprit = Unsafe(value, model, depth + 1, Empty);
                    if (culprit is not null)
                        return $"{definition.Name}() returns {culprit}";
                }
            }

            return found ? null : $"{definition.Name}() (no body to follow)";
        });
    }

    private string? UnsafeSymbol(ISymbol? symbol, ExpressionSyntax at, SemanticModel model, int depth, IReadOnlyDictionary<ISymbol, string?> lambdaParameters)
    {
        switch (symbol)
        {
            case null:
                return $"'{Short(at)}' (unresolved)";
            case IFieldSymbol { IsConst: true }:
                return null;
            case IParameterSymbol parameter when lambdaParameters.TryGetValue(parameter, out var overCulprit):
                return overCulprit is null ? null : $"lambda parameter '{parameter.Name}' over {overCulprit}";
            case IParameterSymbol parameter:
                return UnsafeParameter(parameter, depth);
            case ILocalSymbol local:
                return UnsafeLocal(local, at, model, depth, lambdaParameters);
            case IPropertySymbol or IFieldSymbol when IsTrusted(symbol):
                return null;
            case IPropertySymbol property:
                return UnsafeProperty(property, depth);
            case IFieldSymbol field:
                return UnsafeField(field, depth);
            default:
                return $"{symbol.Kind} '{symbol.Name}'";
        }
    }

    private string? UnsafeParameter(IParameterSymbol parameter, int depth)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol method)
            return $"parameter '{parameter.Name}'";
        if (method.MethodKind is MethodKind.AnonymousFunction)
            return $"lambda parameter '{parameter.Name}'";
        return Cached(parameter, () =>
        {
            var sites = CallSites(method.OriginalDefinition);
            if (sites.Count == 0)
                return $"parameter '{parameter.Name}' of {method.Name}() (no caller found)";
            foreach (var (args, model) in sites)
            {
                var argument = ArgumentFor(parameter, args);
                if (argument is null)
                {
                    if (parameter.HasExplicitDefaultValue || parameter.IsParams)
                        continue;
                    return $"parameter '{parameter.Name}' of {method.Name}() (an argument could not be matched)";
                }

                var culprit = UnsafeCollectionOrValue(argument, model, depth + 1, Empty);
                if (culprit is not null)
                    return $"{method.Name}({parameter.Name}: {culprit})";
            }

            return null;
        });
    }

    private string? UnsafeLocal(ILocalSymbol local, ExpressionSyntax at, SemanticModel model, int depth, IReadOnlyDictionary<ISymbol, string?> lambdaParameters)
    {
        var scope = at.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax
            or PropertyDeclarationSyntax or LambdaExpressionSyntax && a.Parent is not ArgumentSyntax) ?? at.SyntaxTree.GetRoot();
        scope = at.Ancestors().LastOrDefault(a => a is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or PropertyDeclarationSyntax) ?? scope;
        foreach (var value in AssignedValues(local, scope, model))
        {
            var culprit = value is null ? $"local '{local.Name}' (assigned from an out/foreach/pattern)" : Unsafe(value, model, depth + 1, lambdaParameters);
            if (culprit is not null)
                return culprit;
        }

        return null;
    }

    private string? UnsafeProperty(IPropertySymbol property, int depth) => Cached(property, () =>
    {
        foreach (var reference in property.OriginalDefinition.DeclaringSyntaxReferences)
        {
            var node = reference.GetSyntax();
            var model = Model(node.SyntaxTree);
            ExpressionSyntax? value = node switch
            {
                PropertyDeclarationSyntax { ExpressionBody: { } arrow } => arrow.Expression,
                PropertyDeclarationSyntax { AccessorList: { } list } => list.Accessors.FirstOrDefault(a => a.IsKind(SyntaxKind.GetAccessorDeclaration))?.ExpressionBody?.Expression,
                _ => null,
            };
            if (value is null)
                return $"property '{property.Name}' (its value is not computed from safe parts)";
            var culprit = Unsafe(value, model, depth + 1, Empty);
            if (culprit is not null)
                return $"{property.Name} => {culprit}";
        }

        return property.DeclaringSyntaxReferences.Length == 0 ? $"property '{property.ContainingType?.Name}.{property.Name}'" : null;
    });

    private string? UnsafeField(IFieldSymbol field, int depth) => Cached(field, () =>
    {
        if (!field.IsReadOnly)
            return $"field '{field.Name}' (not read-only)";
        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } value } declarator)
                return $"field '{field.Name}' (set outside its declaration)";
            var culprit = Unsafe(value, Model(declarator.SyntaxTree), depth + 1, Empty);
            if (culprit is not null)
                return $"{field.Name} = {culprit}";
        }

        return field.DeclaringSyntaxReferences.Length == 0 ? $"field '{field.Name}'" : null;
    });

    /// <summary>Null when every element of a collection (or the value itself) is safe.</summary>
    private string? UnsafeCollectionOrValue(ExpressionSyntax expression, SemanticModel model, int depth, IReadOnlyDictionary<ISymbol, string?> lambdaParameters)
    {
        var type = model.GetTypeInfo(expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_String && IsEnumerable(type)
            ? UnsafeCollection(expression, model, depth, lambdaParameters)
            : Unsafe(expression, model, depth, lambdaParameters);
    }

    private string? UnsafeCollection(ExpressionSyntax expression, SemanticModel model, int depth, IReadOnlyDictionary<ISymbol, string?> lambdaParameters)
    {
        if (depth > MaxDepth)
            return "too deep to follow";
        var type = model.GetTypeInfo(expression).Type;
        if (ElementType(type) is { } element && IsHarmlessType(element))
            return null;
        switch (expression)
        {
            case ParenthesizedExpressionSyntax p:
                return UnsafeCollection(p.Expression, model, depth + 1, lambdaParameters);
            case CollectionExpressionSyntax collection:
                return collection.Elements.Select(e => e switch
                {
                    ExpressionElementSyntax item => Unsafe(item.Expression, model, depth + 1, lambdaParameters),
                    SpreadElementSyntax spread => UnsafeCollection(spread.Expression, model, depth + 1, lambdaParameters),
                    _ => $"collection element '{e}'",
                }).FirstOrDefault(c => c is not null);
            case ArrayCreationExpressionSyntax { Initializer: { } init }:
                return init.Expressions.Select(e => Unsafe(e, model, depth + 1, lambdaParameters)).FirstOrDefault(c => c is not null);
            case ImplicitArrayCreationExpressionSyntax { Initializer: { } init }:
                return init.Expressions.Select(e => Unsafe(e, model, depth + 1, lambdaParameters)).FirstOrDefault(c => c is not null);
            case BaseObjectCreationExpressionSyntax creation:
                return (creation.Initializer?.Expressions ?? default).Select(e => Unsafe(e, model, depth + 1, lambdaParameters)).FirstOrDefault(c => c is not null);
            case ConditionalExpressionSyntax conditional:
                return UnsafeCollection(conditional.WhenTrue, model, depth + 1, lambdaParameters) ?? UnsafeCollection(conditional.WhenFalse, model, depth + 1, lambdaParameters);
            case InvocationExpressionSyntax invocation:
                return UnsafeQuery(invocation, model, depth, lambdaParameters);
            case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                var symbol = model.GetSymbolInfo(expression).Symbol;
                if (symbol is ILocalSymbol local)
                {
                    var scope = expression.Ancestors().LastOrDefault(a => a is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or PropertyDeclarationSyntax)
                        ?? expression.SyntaxTree.GetRoot();
                    foreach (var value in AssignedValues(local, scope, model))
                    {
                        var culprit = value is null ? $"collection '{local.Name}' (assigned from an out/foreach/pattern)" : UnsafeCollection(value, model, depth + 1, lambdaParameters);
                        if (culprit is not null)
                            return culprit;
                    }

                    return Added(local, scope, model).Select(a => UnsafeCollectionOrValue(a, model, depth + 1, lambdaParameters)).FirstOrDefault(c => c is not null);
                }

                if (symbol is IParameterSymbol parameter && !lambdaParameters.ContainsKey(parameter))
                    return UnsafeParameter(parameter, depth);
                if (symbol is IFieldSymbol { IsReadOnly: true } field && !IsTrusted(field))
                    return UnsafeFieldCollection(field, depth);
                if (symbol is IPropertySymbol or IFieldSymbol && IsTrusted(symbol))
                    return null;
                return $"collection '{Short(expression)}'";
            default:
                return $"collection '{Short(expression)}'";
        }
    }

    private string? UnsafeFieldCollection(IFieldSymbol field, int depth) => Cached(field, () =>
    {
        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not VariableDeclaratorSyntax declarator)
                return $"collection field '{field.Name}'";
            var model = Model(declarator.SyntaxTree);
            if (declarator.Initializer is { } init && UnsafeCollection(init.Value, model, depth + 1, Empty) is { } culprit)
                return culprit;
            var type = declarator.Ancestors().OfType<TypeDeclarationSyntax>().First();
            foreach (var added in type.DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Where(c => c.Expression is MemberAccessExpressionSyntax { Name.Identifier.Text: "Add" or "AddRange" or "Insert" } access
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(access.Expression).Symbol, field))
                .SelectMany(c => c.ArgumentList.Arguments.Skip(((MemberAccessExpressionSyntax)c.Expression).Name.Identifier.Text == "Insert" ? 1 : 0)))
            {
                var addedCulprit = UnsafeCollectionOrValue(added.Expression, model, depth + 1, Empty);
                if (addedCulprit is not null)
                    return $"{field.Name}.Add({addedCulprit})";
            }
        }

        return null;
    });

    private string? UnsafeQuery(InvocationExpressionSyntax invocation, SemanticModel model, int depth, IReadOnlyDictionary<ISymbol, string?> lambdaParameters)
    {
        var method = Method(invocation, model);
        var receiver = (invocation.Expression as MemberAccessExpressionSyntax)?.Expression;
        if (method is null || receiver is null)
            return $"collection from '{Short(invocation)}'";
        var args = invocation.ArgumentList.Arguments;
        switch (method.Name)
        {
            case "Select" when args.Count == 1 && args[0].Expression is not AnonymousFunctionExpressionSyntax
                && model.GetSymbolInfo(args[0].Expression).Symbol is IMethodSymbol selector:
                return IsTrusted(selector) || IsHarmlessType(selector.ReturnType) ? null : $"collection from Select({selector.Name})";
            case "Select" or "SelectMany" when args.Count == 1 && args[0].Expression is AnonymousFunctionExpressionSyntax lambda:
                {
                    var receiverCulprit = UnsafeCollection(receiver, model, depth + 1, lambdaParameters);
                    var bound = new Dictionary<ISymbol, string?>(lambdaParameters, SymbolEqualityComparer.Default);
                    foreach (var p in LambdaParameters(lambda, model))
                        bound[p] = IsHarmlessType(p.Type) ? null : receiverCulprit;
                    IEnumerable<ExpressionSyntax> results = lambda.ExpressionBody is { } body ? [body]
                        : lambda.Block!.DescendantNodes().OfType<ReturnStatementSyntax>()
                            .Where(r => r.Expression is not null && r.Ancestors().OfType<AnonymousFunctionExpressionSyntax>().First() == lambda)
                            .Select(r => r.Expression!);
                    return results.Select(r => method.Name == "Select" ? Unsafe(r, model, depth + 1, bound) : UnsafeCollection(r, model, depth + 1, bound))
                        .FirstOrDefault(c => c is not null);
                }

            case "Where" or "OrderBy" or "OrderByDescending" or "ThenBy" or "Order" or "Distinct" or "ToList" or "ToArray" or "Take" or "Skip"
                or "Reverse" or "AsEnumerable" or "DefaultIfEmpty" when args.All(a => a.Expression is not null):
                return UnsafeCollection(receiver, model, depth + 1, lambdaParameters)
                    ?? (method.Name == "DefaultIfEmpty" && args.Count == 1 ? Unsafe(args[0].Expression, model, depth + 1, lambdaParameters) : null);
            case "Concat" or "Union" or "Append" or "Prepend":
                return UnsafeCollection(receiver, model, depth + 1, lambdaParameters)
                    ?? args.Select(a => UnsafeCollectionOrValue(a.Expression, model, depth + 1, lambdaParameters)).FirstOrDefault(c => c is not null);
            default:
                if (IsTrusted(method))
                    return null;
                return method.DeclaringSyntaxReferences.Length > 0 ? UnsafeMethodBodyCollection(method, depth) : $"collection from {method.Name}()";
        }
    }

    private string? UnsafeMethodBodyCollection(IMethodSymbol method, int depth) => Cached(method.OriginalDefinition, () =>
    {
        foreach (var reference in method.OriginalDefinition.DeclaringSyntaxReferences)
        {
            var node = reference.GetSyntax();
            var model = Model(node.SyntaxTree);
            var returns = node is MethodDeclarationSyntax { ExpressionBody: { } arrow } ? [arrow.Expression]
                : node.DescendantNodes().OfType<ReturnStatementSyntax>().Where(r => r.Expression is not null).Select(r => r.Expression!).ToList();
            foreach (var value in returns)
            {
                var culprit = UnsafeCollection(value, model, depth + 1, Empty);
                if (culprit is not null)
                    return $"{method.Name}() returns {culprit}";
            }
        }

        return null;
    });

    private string? UnsafeBuilder(ExpressionSyntax builder, SemanticModel model, int depth, IReadOnlyDictionary<ISymbol, string?> lambdaParameters)
    {
        if (model.GetSymbolInfo(builder).Symbol is not ILocalSymbol local)
            return $"StringBuilder '{Short(builder)}'";
        var scope = builder.Ancestors().LastOrDefault(a => a is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax) ?? builder.SyntaxTree.GetRoot();
        foreach (var call in scope.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (call.Expression is not MemberAccessExpressionSyntax access || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(access.Expression).Symbol, local))
                continue;
            var culprit = access.Name.Identifier.Text switch
            {
                "Append" or "AppendLine" => call.ArgumentList.Arguments.Select(a => Unsafe(a.Expression, model, depth + 1, lambdaParameters)).FirstOrDefault(c => c is not null),
                "AppendJoin" => call.ArgumentList.Arguments.Select(a => UnsafeCollectionOrValue(a.Expression, model, depth + 1, lambdaParameters)).FirstOrDefault(c => c is not null),
                _ => null,
            };
            if (culprit is not null)
                return culprit;
        }

        return null;
    }

    private static IEnumerable<ExpressionSyntax?> AssignedValues(ILocalSymbol local, SyntaxNode scope, SemanticModel model)
    {
        foreach (var node in scope.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case VariableDeclaratorSyntax declarator when SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(declarator), local):
                    if (declarator.Initializer is { } init)
                        yield return init.Value;
                    break;
                case AssignmentExpressionSyntax assignment when SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(assignment.Left).Symbol, local):
                    yield return assignment.Right;
                    break;
                case ForEachStatementSyntax loop when SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(loop), local):
                    yield return null;
                    break;
                case SingleVariableDesignationSyntax designation when SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(designation), local):
                    yield return null;
                    break;
            }
        }
    }

    private static IEnumerable<ExpressionSyntax> Added(ILocalSymbol local, SyntaxNode scope, SemanticModel model) =>
        scope.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(c => c.Expression is MemberAccessExpressionSyntax { Name.Identifier.Text: "Add" or "AddRange" or "Insert" } access
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(access.Expression).Symbol, local))
            .SelectMany(c => c.ArgumentList.Arguments.Skip(((MemberAccessExpressionSyntax)c.Expression).Name.Identifier.Text == "Insert" ? 1 : 0).Select(a => a.Expression));

    private List<(ArgumentListSyntax Args, SemanticModel Model)> CallSites(IMethodSymbol method)
    {
        // Calls are indexed by name from the syntax alone; only the candidates of one name are bound to symbols.
        if (_callsByName is null)
        {
            _callsByName = [];
            foreach (var tree in _compilation.SyntaxTrees)
            {
                foreach (var node in tree.GetRoot().DescendantNodes())
                {
                    var (name, args) = node switch
                    {
                        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax m } i => (m.Name.Identifier.Text, i.ArgumentList),
                        InvocationExpressionSyntax { Expression: SimpleNameSyntax n } i => (n.Identifier.Text, i.ArgumentList),
                        ObjectCreationExpressionSyntax { ArgumentList: { } list, Type: var t } => (t.ToString().Split('.', '<')[^1], list),
                        ImplicitObjectCreationExpressionSyntax { ArgumentList: var list } => (".ctor", list),
                        _ => (null, null),
                    };
                    if (name is null || args is null)
                        continue;
                    if (!_callsByName.TryGetValue(name, out var list2))
                        _callsByName[name] = list2 = [];
                    list2.Add((node, args));
                }
            }
        }

        var target = method.ReducedFrom?.OriginalDefinition ?? method.OriginalDefinition;
        var key = target.MethodKind == MethodKind.Constructor ? target.ContainingType.Name : target.Name;
        var sites = new List<(ArgumentListSyntax, SemanticModel)>();
        foreach (var (node, args) in _callsByName.GetValueOrDefault(key, []).Concat(target.MethodKind == MethodKind.Constructor ? _callsByName.GetValueOrDefault(".ctor", []) : []))
        {
            var model = Model(node.SyntaxTree);
            var info = model.GetSymbolInfo(node);
            var symbol = info.Symbol as IMethodSymbol ?? info.CandidateSymbols.OfType<IMethodSymbol>().FirstOrDefault();
            if (symbol is not null && SymbolEqualityComparer.Default.Equals(symbol.ReducedFrom?.OriginalDefinition ?? symbol.OriginalDefinition, target))
                sites.Add((args, model));
        }

        return sites;
    }

    private static ExpressionSyntax? ArgumentFor(IParameterSymbol parameter, ArgumentListSyntax args)
    {
        var named = args.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.Text == parameter.Name);
        if (named is not null)
            return named.Expression;
        var positional = args.Arguments.TakeWhile(a => a.NameColon is null).ToList();
        return parameter.Ordinal < positional.Count ? positional[parameter.Ordinal].Expression : null;
    }

    private static ImmutableArray<IParameterSymbol> LambdaParameters(AnonymousFunctionExpressionSyntax lambda, SemanticModel model) =>
        (model.GetSymbolInfo(lambda).Symbol as IMethodSymbol)?.Parameters ?? [];

    private static IMethodSymbol? Method(InvocationExpressionSyntax invocation, SemanticModel model)
    {
        var info = model.GetSymbolInfo(invocation);
        return info.Symbol as IMethodSymbol ?? info.CandidateSymbols.OfType<IMethodSymbol>().FirstOrDefault();
    }

    private static bool IsTrusted(ISymbol symbol)
    {
        var type = symbol.ContainingType?.ToDisplayString();
        return type is not null && (TrustedSources.ContainsKey(type) || TrustedSources.ContainsKey(type + "." + symbol.Name));
    }

    private static bool IsHarmlessType(ITypeSymbol? type)
    {
        if (type is null)
            return false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            type = nullable.TypeArguments[0];
        return type.TypeKind == TypeKind.Enum || type.SpecialType is SpecialType.System_Boolean or SpecialType.System_Char
            or SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
            or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
            or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal or SpecialType.System_DateTime;
    }

    private static bool IsStringBuilder(ITypeSymbol? type) => type?.ToDisplayString() == "System.Text.StringBuilder";

    private static bool IsEnumerable(ITypeSymbol type) =>
        type is IArrayTypeSymbol || type.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
        || type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T;

    private static ITypeSymbol? ElementType(ITypeSymbol? type) => type switch
    {
        IArrayTypeSymbol array => array.ElementType,
        INamedTypeSymbol named when named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T => named.TypeArguments[0],
        INamedTypeSymbol named => named.AllInterfaces.FirstOrDefault(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)?.TypeArguments[0],
        _ => null,
    };

    private string? Cached(ISymbol symbol, Func<string?> compute)
    {
        if (_symbolCache.TryGetValue(symbol, out var known))
            return known;
        if (!_inProgress.Add(symbol))
            return null; // A cycle: the other paths decide.
        try
        {
            var result = compute();
            _symbolCache[symbol] = result;
            return result;
        }
        finally
        {
            _inProgress.Remove(symbol);
        }
    }

    private SemanticModel Model(SyntaxTree tree)
    {
        if (!_models.TryGetValue(tree, out var model))
            _models[tree] = model = _compilation.GetSemanticModel(tree);
        return model;
    }

    private static string Short(SyntaxNode node)
    {
        var text = string.Join(' ', node.ToString().Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        return text.Length <= 120 ? text : text[..120] + "…";
    }

    private static readonly IReadOnlyDictionary<ISymbol, string?> Empty = new Dictionary<ISymbol, string?>(SymbolEqualityComparer.Default);
}
