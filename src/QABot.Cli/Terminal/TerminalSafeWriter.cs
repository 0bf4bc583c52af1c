using System.Text;

namespace QABot.Cli.Terminal;

/// <summary>
/// Everything a command prints goes through this writer, so text from articles (titles, outlets, bodies, ids) can never
/// drive the terminal: escape sequences (CSI, OSC, DCS, ... as ESC or 8-bit C1 forms) are removed whole, and other
/// control characters dropped, keeping tab and newline. An unterminated string sequence ends at the next newline, so a
/// stray OSC in one title cannot swallow the rest of the output.
/// </summary>
public sealed class TerminalSafeWriter : TextWriter
{
    private enum State : byte { Text, Escape, EscapeIntermediate, ControlSequence, ControlString, ControlStringEscape }

    private const char Esc = '\u001B';
    private const char Bell = '\u0007';

    private readonly TextWriter _inner;
    private readonly Lock _gate = new();
    private readonly StringBuilder _pending = new();
    private State _state;
    private bool _carriageReturn;

    private TerminalSafeWriter(TextWriter inner)
    {
        _inner = inner;
        NewLine = inner.NewLine;
    }

    /// <summary>Wraps a writer once (wrapping a wrapped writer returns it as it is).</summary>
    public static TextWriter Wrap(TextWriter inner) => inner as TerminalSafeWriter ?? new TerminalSafeWriter(inner);

    /// <summary>The text as this writer would let it through (one string, fresh state).</summary>
    public static string Clean(string text)
    {
        var writer = new StringWriter();
        var safe = new TerminalSafeWriter(writer);
        safe.Write(text);
        safe.Flush();
        return writer.ToString();
    }

    public override Encoding Encoding => _inner.Encoding;

    public override void Write(char value)
    {
        lock (_gate)
        {
            Filter(value);
            Drain();
        }
    }

    public override void Write(string? value)
    {
        if (value is null) return;
        lock (_gate)
        {
            foreach (var c in value) Filter(c);
            Drain();
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer) => Write(new string(buffer));

    public override void WriteLine(string? value) => Write(value + NewLine);

    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync()
    {
        Write(NewLine);
        return Task.CompletedTask;
    }

    public override void Flush()
    {
        lock (_gate) _inner.Flush();
    }

    public override Task FlushAsync() => _inner.FlushAsync();

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    private void Drain()
    {
        if (_pending.Length == 0) return;
        _inner.Write(_pending.ToString());
        _pending.Clear();
    }

    private void Filter(char c)
    {
        switch (_state)
        {
            case State.Text:
                Text(c);
                return;
            case State.Escape:
                _state = c switch
                {
                    '[' => State.ControlSequence,
                    ']' or 'P' or 'X' or '^' or '_' => State.ControlString,
                    >= ' ' and <= '/' => State.EscapeIntermediate,
                    _ => State.Text, // a two-character sequence (ESC c, ESC 7, ...) ends here
                };
                if (c == '\n') Text(c);
                return;
            case State.EscapeIntermediate:
                if (c is >= ' ' and <= '/') return;
                _state = State.Text;
                if (c is < '0' or > '~') Text(c);
                return;
            case State.ControlSequence:
                if (c is >= ' ' and <= '?') return; // parameters and intermediates
                _state = State.Text;
                if (c is < '@' or > '~') Text(c); // not a final byte: the sequence was broken, keep the character
                return;
            case State.ControlString:
                if (c is Bell or '\u009C') _state = State.Text;
                else if (c == Esc) _state = State.ControlStringEscape;
                else if (c == '\n') { _state = State.Text; Text(c); }
                return;
            case State.ControlStringEscape:
                _state = c == '\\' ? State.Text : State.ControlString;
                if (c == '\n') { _state = State.Text; Text(c); }
                return;
        }
    }

    private void Text(char c)
    {
        if (_carriageReturn)
        {
            _carriageReturn = false;
            // A bare carriage return would let text overwrite what came before it on the line; CR LF stays a newline.
            if (c == '\n') { _pending.Append('\r').Append('\n'); return; }
        }
        switch (c)
        {
            case Esc: _state = State.Escape; return;
            case '\u009B': _state = State.ControlSequence; return;
            case '\u009D' or '\u0090' or '\u0098' or '\u009E' or '\u009F': _state = State.ControlString; return;
            case '\r': _carriageReturn = true; return;
            case '\n' or '\t': _pending.Append(c); return;
        }
        if (char.IsControl(c)) return; // C0, DEL and C1
        _pending.Append(c);
    }
}
