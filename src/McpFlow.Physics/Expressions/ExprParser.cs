using System.Globalization;
using McpFlow.Core.Errors;

namespace McpFlow.Physics.Expressions;

/// <summary>
/// Recursive-descent parser: <c>expr := term (('+'|'-') term)*</c>, <c>term := unary (('*'|'/') unary)*</c>,
/// <c>unary := ('-'|'+') unary | power</c>, <c>power := primary (('^'|'**') unary)?</c> (right-associative),
/// <c>primary := number | name | name '(' expr ')' | '(' expr ')'</c>. Errors name the position and show a caret.
/// </summary>
public sealed class ExprParser
{
    private const int MaxLength = 10_000; // far beyond any PDE term; refuses pathological input before work
    private readonly string _text;
    private readonly string _label;
    private int _pos;

    private ExprParser(string text, string label)
    {
        _text = text;
        _label = label;
    }

    /// <summary>Parses <paramref name="text"/>; <paramref name="label"/> names it in errors (e.g. "source").</summary>
    public static Expr Parse(string text, string label = "expression")
    {
        if (string.IsNullOrWhiteSpace(text))
            throw McpFlowException.Invalid($"The {label} is empty; write an expression such as \"sin(pi*x)\".");
        if (text.Length > MaxLength)
            throw McpFlowException.Invalid($"The {label} is {text.Length} characters long; the limit is {MaxLength}.");
        var parser = new ExprParser(text, label);
        var expr = parser.ParseSum();
        parser.SkipSpace();
        if (parser._pos < text.Length)
            throw parser.Error(parser._text[parser._pos] == ')' ? "unmatched ')'" : $"unexpected '{parser._text[parser._pos]}'");
        return expr;
    }

    /// <summary>An error pointing at <paramref name="position"/> of <paramref name="text"/>.</summary>
    public static McpFlowException ErrorAt(string text, string label, int position, string problem) =>
        McpFlowException.Invalid(
            $"The {label} \"{text}\" has an error at position {position + 1}: {problem}.\n  {text}\n  {new string(' ', Math.Max(0, position))}^",
            "Write products explicitly (2*x, not 2x), powers as x^2, functions as sin(...), cos, exp, log, sqrt, tanh, abs; constants pi and e.");

    private Expr ParseSum()
    {
        var left = ParseTerm();
        while (true)
        {
            SkipSpace();
            if (!Peek('+') && !Peek('-'))
                return left;
            var op = _text[_pos++];
            left = new BinExpr(op, left, ParseTerm());
        }
    }

    private Expr ParseTerm()
    {
        var left = ParseUnary();
        while (true)
        {
            SkipSpace();
            if (Peek('*') && !PeekAt(1, '*') || Peek('/'))
            {
                var op = _text[_pos++];
                left = new BinExpr(op, left, ParseUnary());
                continue;
            }

            if (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '('))
                throw Error($"missing operator before '{_text[_pos]}' (write 2*x, not 2x)");
            return left;
        }
    }

    private Expr ParseUnary()
    {
        SkipSpace();
        if (Peek('-'))
        {
            _pos++;
            return new NegExpr(ParseUnary());
        }

        if (Peek('+'))
        {
            _pos++;
            return ParseUnary();
        }

        return ParsePower();
    }

    private Expr ParsePower()
    {
        var basis = ParsePrimary();
        SkipSpace();
        if (Peek('^'))
        {
            _pos++;
            return new BinExpr('^', basis, ParseUnary());
        }

        if (Peek('*') && PeekAt(1, '*'))
        {
            _pos += 2;
            return new BinExpr('^', basis, ParseUnary());
        }

        return basis;
    }

    private Expr ParsePrimary()
    {
        SkipSpace();
        if (_pos >= _text.Length)
            throw Error("the expression ends where a number, name or '(' is expected");
        var c = _text[_pos];
        if (c == '(')
        {
            _pos++;
            var inner = ParseSum();
            SkipSpace();
            if (!Peek(')'))
                throw Error("missing ')'");
            _pos++;
            return inner;
        }

        if (char.IsDigit(c) || c == '.')
            return ParseNumber();
        if (char.IsLetter(c))
            return ParseName();
        throw Error($"unexpected '{c}'");
    }

    private NumExpr ParseNumber()
    {
        var start = _pos;
        while (_pos < _text.Length && (char.IsDigit(_text[_pos]) || _text[_pos] == '.'))
            _pos++;
        if (_pos < _text.Length && (_text[_pos] is 'e' or 'E') && _pos + 1 < _text.Length
            && (char.IsDigit(_text[_pos + 1]) || (_text[_pos + 1] is '+' or '-' && _pos + 2 < _text.Length && char.IsDigit(_text[_pos + 2]))))
        {
            _pos += 2;
            while (_pos < _text.Length && char.IsDigit(_text[_pos]))
                _pos++;
        }

        var token = _text[start.._pos];
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            throw ErrorAt(_text, _label, start, $"'{token}' is not a number");
        return new NumExpr(value);
    }

    private Expr ParseName()
    {
        var start = _pos;
        while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
            _pos++;
        var name = _text[start.._pos];
        SkipSpace();
        if (Peek('('))
        {
            if (!Functions.Names.Contains(name))
                throw ErrorAt(_text, _label, start, $"unknown function '{name}' (known: {string.Join(", ", Functions.Names)})");
            _pos++;
            var argument = ParseSum();
            SkipSpace();
            if (!Peek(')'))
                throw Error($"missing ')' to close {name}(");
            _pos++;
            return new CallExpr(name, argument);
        }

        if (Functions.Names.Contains(name))
            throw ErrorAt(_text, _label, start, $"function '{name}' needs an argument in parentheses");
        return Functions.Constants.TryGetValue(name, out var constant) ? new NumExpr(constant) : new SymExpr(name, start);
    }

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
            _pos++;
    }

    private bool Peek(char c) => _pos < _text.Length && _text[_pos] == c;

    private bool PeekAt(int offset, char c) => _pos + offset < _text.Length && _text[_pos + offset] == c;

    private McpFlowException Error(string problem) => ErrorAt(_text, _label, _pos, problem);
}
