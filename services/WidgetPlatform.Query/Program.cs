using WidgetPlatform.Query;
using WidgetPlatform.Query.Apis;
using WidgetPlatform.Query.Auth;
using WidgetPlatform.Query.OpenApi;
using WidgetPlatform.Query.Requests;

var builder = WebApplication.CreateBuilder(args);
if (BuildTimeDocument.IsBeingGenerated)
{
    builder.AddPlaceholderSettings();
}

builder.AddServiceDefaults();
builder.AddApplicationServices();
if (BuildTimeDocument.IsBeingGenerated)
{
    builder.RemoveBackgroundWork();
}

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRouting();
app.UseCors();
app.UseRouteIdentifierValidation();
app.UseGatewayAuth();

app.MapDefaultEndpoints();
app.MapGatewayApis();

app.Run();
