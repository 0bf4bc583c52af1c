using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace QABot.Hosts.Telegram.Handling;

/// <summary>Runs one update through a fresh scoped <see cref="UpdateHandler"/>. Shared by polling and the webhook; never throws but for shutdown.</summary>
public sealed class UpdateDispatcher(IServiceScopeFactory scopes, ILogger<UpdateDispatcher> logger)
{
    public async Task DispatchAsync(Update update, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<UpdateHandler>().HandleAsync(update, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Unhandled failure for update {UpdateId}; continuing with the next one", update.Id);
        }
    }
}
