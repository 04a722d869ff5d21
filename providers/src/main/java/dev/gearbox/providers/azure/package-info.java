/**
 * Azure OpenAI behind the OpenAI contract: {@link dev.gearbox.providers.azure.AzureOpenAiProvider} reuses
 * the OpenAI codec and client with Azure's deployment URL, {@code api-version} and {@code api-key} header;
 * {@link dev.gearbox.providers.azure.AzureErrorMapper} turns content-filter rejections into clear errors.
 */
package dev.gearbox.providers.azure;
