using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace WidgetPlatform.AppHost.Executables;

/// <summary>
/// The broker's users and permissions as a definitions file, imported by the node at every boot (<c>load_definitions</c>):
/// the operator's administrator (the CLI and the tests use it), one user per service and the pipelines' (<see cref="RabbitMqServiceUser"/>).
/// Passwords are stored as RabbitMQ hashes them: base64 of a 4-byte salt and SHA-256 of the salt and the password.
/// </summary>
public static class RabbitMqDefinitions
{
    private const string VirtualHost = "/";

    public static string Json(string administrator, string administratorPassword, IReadOnlyDictionary<string, string> userPasswords)
    {
        var users = new List<object> { User(administrator, administratorPassword, "administrator") };
        var permissions = new List<object> { new { user = administrator, vhost = VirtualHost, configure = ".*", write = ".*", read = ".*" } };
        foreach (var user in RabbitMqServiceUser.All)
        {
            users.Add(User(user.Name, userPasswords[user.Name], tags: null));
            permissions.Add(new { user = user.Name, vhost = VirtualHost, configure = user.Configure, write = user.Write, read = user.Read });
        }

        return JsonSerializer.Serialize(new { users, vhosts = new[] { new { name = VirtualHost } }, permissions });
    }

    private static object User(string name, string password, string? tags) => new
    {
        name,
        password_hash = Hash(password),
        hashing_algorithm = "rabbit_password_hashing_sha256",
        tags = tags is null ? Array.Empty<string>() : [tags],
    };

    private static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(4);
        var salted = salt.Concat(Encoding.UTF8.GetBytes(password)).ToArray();
        return Convert.ToBase64String([.. salt, .. SHA256.HashData(salted)]);
    }
}
