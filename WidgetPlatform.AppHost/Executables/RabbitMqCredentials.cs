namespace WidgetPlatform.AppHost.Executables;

/// <summary>
/// The broker's users as the AppHost sets them: the operator's administrator, kept beside the broker's data (a data folder
/// keeps the user created on its first start), and each service's and the pipelines' (<see cref="RabbitMqServiceUser"/>),
/// new at every AppHost start: the definitions every node imports at each boot set them again, and the users get them in
/// their connection strings. The nodes of a cluster share one set.
/// </summary>
public sealed class RabbitMqCredentials
{
    private RabbitMqCredentials(string user, string password)
    {
        User = user;
        Password = password;
    }

    public string User { get; }

    public string Password { get; }

    public IReadOnlyDictionary<string, string> UserPasswords { get; } =
        RabbitMqServiceUser.All.ToDictionary(user => user.Name, _ => Secrets.NewPassword(), StringComparer.Ordinal);

    public static RabbitMqCredentials InDirectory(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "credentials");
        if (File.Exists(path) && File.ReadAllText(path).Split(':', 2) is [var user, var password])
        {
            return new RabbitMqCredentials(user, password);
        }

        var credentials = new RabbitMqCredentials("widgetplatform", Secrets.NewPassword());
        Secrets.WritePrivateFile(path, $"{credentials.User}:{credentials.Password}");
        return credentials;
    }
}
